<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>FleetRows</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 by %2 since %3 (%4): %5</source>
        <translation>%1 par %2 depuis %3 (%4) : %5</translation>
    </message>
    <message>
        <source>%1, ticket %2</source>
        <translation>%1, ticket %2</translation>
    </message>
    <message>
        <source>%1, fleet guard overridden</source>
        <translation>%1, garde de flotte outrepassée</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Announcing</source>
        <translation>Annonce</translation>
    </message>
    <message>
        <source>BGP</source>
        <translation>BGP</translation>
    </message>
    <message>
        <source>ESTABLISHED</source>
        <translation>ESTABLISHED</translation>
    </message>
    <message>
        <source>Accept queue</source>
        <translation>File d&apos;acceptation</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Last sample</source>
        <translation>Dernier échantillon</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(region not yet known)</source>
        <translation>(région pas encore connue)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drained or draining</source>
        <translation>
            <numerusform>%n drainé ou en drainage</numerusform>
            <numerusform>%n drainés ou en drainage</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 sessions up</source>
        <translation>%1 sur %2 sessions établies</translation>
    </message>
    <message>
        <source>%1 of %2 connected</source>
        <translation>%1 sur %2 connectés</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 via %2 : %3</translation>
    </message>
    <message>
        <source>%1 (same node as %2)</source>
        <translation>%1 (même nœud que %2)</translation>
    </message>
    <message>
        <source>%1
The same node (name and region) answers at %2: two inventory entries reach one agent, or two agents share a configuration.</source>
        <translation>%1
Le même nœud (nom et région) répond à %2 : deux entrées de l&apos;inventaire atteignent un seul agent, ou deux agents partagent une configuration.</translation>
    </message>
    <message>
        <source>the ExaBGP bridge is not connected</source>
        <translation>le pont ExaBGP n&apos;est pas connecté</translation>
    </message>
    <message>
        <source>%1 (pending: %2)</source>
        <translation>%1 (en attente : %2)</translation>
    </message>
    <message>
        <source>%1
probe ok in %2 ms</source>
        <translation>%1
sonde ok en %2 ms</translation>
    </message>
    <message>
        <source>%1
probe failed</source>
        <translation>%1
sonde en échec</translation>
    </message>
    <message>
        <source>%1:%2 queue %3 of %4</source>
        <translation>%1:%2 file %3 sur %4</translation>
    </message>
    <message>
        <source>%1:%2 queue %3</source>
        <translation>%1:%2 file %3</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Unknown host key</source>
        <translation>Clé d&apos;hôte inconnue</translation>
    </message>
    <message>
        <source>Its %1 key has the fingerprint
%2

Compare it with the one the host&apos;s administrator gave you. Accepting adds it to %3.</source>
        <translation>Sa clé %1 a l&apos;empreinte
%2

Comparez-la avec celle que vous a donnée l&apos;administration de l&apos;hôte. L&apos;accepter l&apos;ajoute à %3.</translation>
    </message>
    <message>
        <source>Accept and connect</source>
        <translation>Accepter et se connecter</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Phrase de passe de la clé</translation>
    </message>
    <message>
        <source>Passphrase for %1 (logging in to %2):</source>
        <translation>Phrase de passe de %1 (connexion à %2) :</translation>
    </message>
    <message>
        <source>Jump host %1 is not in known_hosts.</source>
        <translation>L&apos;hôte de rebond %1 n&apos;est pas dans known_hosts.</translation>
    </message>
    <message>
        <source>Host %1 is not in known_hosts.</source>
        <translation>L&apos;hôte %1 n&apos;est pas dans known_hosts.</translation>
    </message>
</context>
<context>
    <name>StateWords</name>
    <message>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>sain</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>dégradé</translation>
    </message>
    <message>
        <source>down</source>
        <translation>hors service</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>en drainage</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>drainé</translation>
    </message>
    <message>
        <source>announced</source>
        <translation>annoncé</translation>
    </message>
    <message>
        <source>de-preferred</source>
        <translation>dépréféré</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>unknown (unreachable)</source>
        <translation>inconnu (injoignable)</translation>
    </message>
    <message>
        <source>reporting</source>
        <translation>rapporte</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>aucune donnée</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion en cours</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconnexion</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <source>host key unknown</source>
        <translation>clé d&apos;hôte inconnue</translation>
    </message>
    <message>
        <source>host key refused</source>
        <translation>clé d&apos;hôte refusée</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>agent socket unreachable</source>
        <translation>socket de l&apos;agent injoignable</translation>
    </message>
    <message>
        <source>protocol version mismatch</source>
        <translation>version de protocole incompatible</translation>
    </message>
    <message numerus="yes">
        <source>reconnecting in %n s</source>
        <translation>
            <numerusform>reconnexion dans %n s</numerusform>
            <numerusform>reconnexion dans %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (retrying in %n s)</source>
        <translation>
            <numerusform>%1 : %2 (nouvel essai dans %n s)</numerusform>
            <numerusform>%1 : %2 (nouvel essai dans %n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>no nodes</source>
        <translation>aucun nœud</translation>
    </message>
    <message>
        <source>no node reachable: state unknown</source>
        <translation>aucun nœud joignable : état inconnu</translation>
    </message>
    <message>
        <source>%1 unreachable: its routes are unknown</source>
        <translation>%1 injoignable : ses routes sont inconnues</translation>
    </message>
    <message>
        <source>%1: no node announces it (withdrawn for health)</source>
        <translation>%1 : aucun nœud ne l&apos;annonce (retiré pour santé)</translation>
    </message>
    <message>
        <source>%1: withdrawn by operator drains on every node</source>
        <translation>%1 : retiré par drainage opérateur sur chaque nœud</translation>
    </message>
    <message>
        <source>%1: lost redundancy, %2</source>
        <translation>%1 : redondance perdue, %2</translation>
    </message>
    <message>
        <source>%1 failing its health checks</source>
        <translation>%1 échoue à ses contrôles de santé</translation>
    </message>
    <message>
        <source>%1 drained by an operator</source>
        <translation>%1 drainé par un opérateur</translation>
    </message>
    <message>
        <source>%1 drained by %2</source>
        <translation>%1 drainé par %2</translation>
    </message>
    <message>
        <source>%1 of %2 announcing (%3 unknown)</source>
        <translation>%1 sur %2 annoncent (%3 inconnus)</translation>
    </message>
    <message>
        <source>%1 of %2 announcing</source>
        <translation>%1 sur %2 annoncent</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::ConnectionListWidget</name>
    <message>
        <source>&lt;h3&gt;Nodes&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Nœuds&lt;/h3&gt;</translation>
    </message>
</context>
<context>
    <name>anycast::FirstRunWidget</name>
    <message>
        <source>&lt;h2&gt;No fleet yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Aucune flotte pour l’instant&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>The console reads its nodes from &lt;b&gt;%1&lt;/b&gt;. Write that file (or start the console with &lt;tt&gt;--inventory FILE&lt;/tt&gt;); changes are picked up while it runs.</source>
        <translation>La console lit ses nœuds dans &lt;b&gt;%1&lt;/b&gt;. Écrivez ce fichier (ou lancez la console avec &lt;tt&gt;--inventory FICHIER&lt;/tt&gt;) ; les modifications sont prises en compte pendant son exécution.</translation>
    </message>
    <message>
        <source>For example:</source>
        <translation>Par exemple :</translation>
    </message>
    <message>
        <source>Use the agent on this machine (%1)</source>
        <translation>Utiliser l&apos;agent de cette machine (%1)</translation>
    </message>
</context>
<context>
    <name>anycast::MainWindow</name>
    <message>
        <source>Anycast Console</source>
        <translation>Console anycast</translation>
    </message>
    <message>
        <source>No agents connected</source>
        <translation>Aucun agent connecté</translation>
    </message>
    <message>
        <source>Inventory: %1</source>
        <translation>Inventaire : %1</translation>
    </message>
    <message>
        <source>Inventory not reloaded: %1</source>
        <translation>Inventaire non rechargé : %1</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventaire</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Impossible de créer %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n nodes connected</source>
        <translation>
            <numerusform>%1 sur %n nœud connecté</numerusform>
            <numerusform>%1 sur %n nœuds connectés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::PrefixModel</name>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Announcing</source>
        <translation>Annonce</translation>
    </message>
    <message>
        <source>ESTABLISHED</source>
        <translation>ESTABLISHED</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>(region not yet known)</source>
        <translation>(région pas encore connue)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>no location: %1</source>
        <translation>sans position : %1</translation>
    </message>
    <message>
        <source>%1, lost redundancy</source>
        <translation>%1, redondance perdue</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 via %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>anycast::StateLegend</name>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Shape: what is observed</source>
        <translation>Forme&#xa0;: ce qui est observé</translation>
    </message>
    <message>
        <source>Fill: routing state</source>
        <translation>Remplissage&#xa0;: état du routage</translation>
    </message>
</context>
<context>
    <name>anycast::StateStyle</name>
    <message>
        <source>reporting</source>
        <extracomment>What the console observes: the node&apos;s checks answer (drawn as a circle).</extracomment>
        <translation>répond</translation>
    </message>
    <message>
        <source>failing</source>
        <extracomment>What the console observes: the node&apos;s checks say it is down (drawn as a diamond).</extracomment>
        <translation>en échec</translation>
    </message>
    <message>
        <source>no data</source>
        <extracomment>What the console observes: nothing answers (drawn as a square).</extracomment>
        <translation>sans données</translation>
    </message>
    <message>
        <source>announced</source>
        <extracomment>Routing state of a prefix: the route is announced over BGP.</extracomment>
        <translation>annoncée</translation>
    </message>
    <message>
        <source>de-preferred</source>
        <extracomment>Routing state: still announced, but made less attractive (MED, AS path prepends).</extracomment>
        <translation>rétrogradée</translation>
    </message>
    <message>
        <source>redundancy lost</source>
        <extracomment>Routing state of a region: fewer of its nodes announce than it has; a warning.</extracomment>
        <translation>redondance perdue</translation>
    </message>
    <message>
        <source>draining</source>
        <extracomment>Routing state: an operator&apos;s drain is in progress, connections are leaving.</extracomment>
        <translation>en cours de vidage</translation>
    </message>
    <message>
        <source>drained</source>
        <extracomment>Routing state: an operator&apos;s drain is complete; withdrawn on purpose, not down.</extracomment>
        <translation>vidée</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <extracomment>Routing state: the route is withdrawn because the service failed.</extracomment>
        <translation>retirée</translation>
    </message>
    <message>
        <source>unreachable</source>
        <extracomment>Routing state unknown: the console cannot reach the node&apos;s agent.</extracomment>
        <translation>injoignable</translation>
    </message>
</context>
<context>
    <name>anycast::WorldMapView</name>
    <message>
        <source>Announcement map</source>
        <translation>Carte des annonces</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Map marker tooltip, first line: routing state word, then what is observed.</extracomment>
        <translation>%1, %2</translation>
    </message>
</context>
</TS>
