# CPack: `cpack -G DEB` in the build folder makes anycast-agent_<version>_<arch>.deb holding
# the agent's component only (the binaries, the systemd unit, sysusers.d/tmpfiles.d files and
# /etc/anycast-agent/agent.toml as a conffile). The console is not part of it. See
# docs/PACKAGING.md.

set(CPACK_PACKAGE_NAME anycast-agent)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "anycast-console developers")
set(CPACK_PACKAGE_CONTACT "anycast-console developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "socket-level health agent and BGP anycast route control")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)

# Only the agent's component: install() rules of other parts (if any) stay out.
set(CPACK_COMPONENTS_ALL agent)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENT_AGENT_DISPLAY_NAME "anycast-agent")
# Without these, a component package is called anycast-agent-agent.
set(CPACK_DEBIAN_AGENT_PACKAGE_NAME anycast-agent)
set(CPACK_DEBIAN_AGENT_FILE_NAME DEB-DEFAULT)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "anycast-console developers")
# CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY first and indents this below it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "anycast-agent samples the host's TCP sockets and active probes of the anycast \
services on this node, and announces or withdraws their prefixes through ExaBGP \
(anycast-exabgp-bridge). anycastctl queries and drains it. It runs as a hardened, \
unprivileged systemd service.")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The agent routes through ExaBGP only, and the shipped config gives bgp.sock to the group
# Debian's exabgp package creates: a Depends, so dpkg configures exabgp (and creates that
# group) before this package's postinst makes the agent a member of it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS exabgp)
# dpkg-shlibdeps adds the libraries (libqt6core6, libqt6network6, libsystemd0, libc6, ...)
# from the binaries to those Depends.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)

# Maintainer scripts, and the conffiles list (dpkg-deb does not mark /etc files by itself).
set(_anycast_conffiles ${CMAKE_BINARY_DIR}/packaging/deb/conffiles)
file(WRITE ${_anycast_conffiles} "/etc/anycast-agent/agent.toml\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${_anycast_conffiles}
    ${PROJECT_SOURCE_DIR}/packaging/deb/postinst
    ${PROJECT_SOURCE_DIR}/packaging/deb/prerm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
