"""The lab behind scripts/lab and scripts/demo: 3 regions x 2 nodes on 127.0.0.x, each with a
lab service, an agent and an ExaBGP speaker; one GoBGP upstream; an sshd of the lab's own."""
