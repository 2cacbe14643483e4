<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FleetRows</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 by %2 since %3 (%4): %5</source>
        <translation>%1 von %2 seit %3 (%4): %5</translation>
    </message>
    <message>
        <source>%1, ticket %2</source>
        <translation>%1, Ticket %2</translation>
    </message>
    <message>
        <source>%1, fleet guard overridden</source>
        <translation>%1, Flottenschutz übergangen</translation>
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
        <translation>Name</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Betrieb</translation>
    </message>
    <message>
        <source>Announcing</source>
        <translation>Ankündigung</translation>
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
        <translation>Accept-Warteschlange</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Last sample</source>
        <translation>Letzte Messung</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(region not yet known)</source>
        <translation>(Region noch unbekannt)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
            <numerusform>%n fehlerhaft</numerusform>
            <numerusform>%n fehlerhaft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drained or draining</source>
        <translation>
            <numerusform>%n entleert oder im Entleeren</numerusform>
            <numerusform>%n entleert oder im Entleeren</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 sessions up</source>
        <translation>%1 von %2 Sitzungen aktiv</translation>
    </message>
    <message>
        <source>%1 of %2 connected</source>
        <translation>%1 von %2 verbunden</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 über %2: %3</translation>
    </message>
    <message>
        <source>%1 (same node as %2)</source>
        <translation>%1 (derselbe Knoten wie %2)</translation>
    </message>
    <message>
        <source>%1
The same node (name and region) answers at %2: two inventory entries reach one agent, or two agents share a configuration.</source>
        <translation>%1
Derselbe Knoten (Name und Region) antwortet unter %2: zwei Inventareinträge erreichen einen Agenten, oder zwei Agenten teilen eine Konfiguration.</translation>
    </message>
    <message>
        <source>the ExaBGP bridge is not connected</source>
        <translation>die ExaBGP-Brücke ist nicht verbunden</translation>
    </message>
    <message>
        <source>%1 (pending: %2)</source>
        <translation>%1 (ausstehend: %2)</translation>
    </message>
    <message>
        <source>%1
probe ok in %2 ms</source>
        <translation>%1
Probe ok in %2 ms</translation>
    </message>
    <message>
        <source>%1
probe failed</source>
        <translation>%1
Probe fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1:%2 queue %3 of %4</source>
        <translation>%1:%2 Warteschlange %3 von %4</translation>
    </message>
    <message>
        <source>%1:%2 queue %3</source>
        <translation>%1:%2 Warteschlange %3</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Unknown host key</source>
        <translation>Unbekannter Host-Schlüssel</translation>
    </message>
    <message>
        <source>Its %1 key has the fingerprint
%2

Compare it with the one the host&apos;s administrator gave you. Accepting adds it to %3.</source>
        <translation>Sein %1-Schlüssel hat den Fingerabdruck
%2

Vergleichen Sie ihn mit dem, den Ihnen die Administration des Hosts genannt hat. Annehmen trägt ihn in %3 ein.</translation>
    </message>
    <message>
        <source>Accept and connect</source>
        <translation>Annehmen und verbinden</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Passphrase des Schlüssels</translation>
    </message>
    <message>
        <source>Passphrase for %1 (logging in to %2):</source>
        <translation>Passphrase für %1 (Anmeldung bei %2):</translation>
    </message>
    <message>
        <source>Jump host %1 is not in known_hosts.</source>
        <translation>Der Sprung-Host %1 steht nicht in known_hosts.</translation>
    </message>
    <message>
        <source>Host %1 is not in known_hosts.</source>
        <translation>Der Host %1 steht nicht in known_hosts.</translation>
    </message>
</context>
<context>
    <name>StateWords</name>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>wird entleert</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>entleert</translation>
    </message>
    <message>
        <source>announced</source>
        <translation>angekündigt</translation>
    </message>
    <message>
        <source>de-preferred</source>
        <translation>zurückgestuft</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>unknown (unreachable)</source>
        <translation>unbekannt (nicht erreichbar)</translation>
    </message>
    <message>
        <source>reporting</source>
        <translation>meldet</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>verbindet erneut</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>host key unknown</source>
        <translation>Host-Schlüssel unbekannt</translation>
    </message>
    <message>
        <source>host key refused</source>
        <translation>Host-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>agent socket unreachable</source>
        <translation>Agenten-Socket nicht erreichbar</translation>
    </message>
    <message>
        <source>protocol version mismatch</source>
        <translation>Protokollversion passt nicht</translation>
    </message>
    <message numerus="yes">
        <source>reconnecting in %n s</source>
        <translation>
            <numerusform>verbindet erneut in %n s</numerusform>
            <numerusform>verbindet erneut in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (retrying in %n s)</source>
        <translation>
            <numerusform>%1: %2 (neuer Versuch in %n s)</numerusform>
            <numerusform>%1: %2 (neuer Versuch in %n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no nodes</source>
        <translation>keine Knoten</translation>
    </message>
    <message>
        <source>no node reachable: state unknown</source>
        <translation>kein Knoten erreichbar: Zustand unbekannt</translation>
    </message>
    <message>
        <source>%1 unreachable: its routes are unknown</source>
        <translation>%1 nicht erreichbar: seine Routen sind unbekannt</translation>
    </message>
    <message>
        <source>%1: no node announces it (withdrawn for health)</source>
        <translation>%1: kein Knoten kündigt es an (wegen Zustand zurückgezogen)</translation>
    </message>
    <message>
        <source>%1: withdrawn by operator drains on every node</source>
        <translation>%1: auf jedem Knoten durch Entleerung zurückgezogen</translation>
    </message>
    <message>
        <source>%1: lost redundancy, %2</source>
        <translation>%1: Redundanz verloren, %2</translation>
    </message>
    <message>
        <source>%1 failing its health checks</source>
        <translation>%1 besteht seine Zustandsprüfungen nicht</translation>
    </message>
    <message>
        <source>%1 drained by an operator</source>
        <translation>%1 von einem Operator entleert</translation>
    </message>
    <message>
        <source>%1 drained by %2</source>
        <translation>%1 entleert von %2</translation>
    </message>
    <message>
        <source>%1 of %2 announcing (%3 unknown)</source>
        <translation>%1 von %2 kündigen an (%3 unbekannt)</translation>
    </message>
    <message>
        <source>%1 of %2 announcing</source>
        <translation>%1 von %2 kündigen an</translation>
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
        <translation>&lt;h3&gt;Knoten&lt;/h3&gt;</translation>
    </message>
</context>
<context>
    <name>anycast::FirstRunWidget</name>
    <message>
        <source>&lt;h2&gt;No fleet yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Noch keine Flotte&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>The console reads its nodes from &lt;b&gt;%1&lt;/b&gt;. Write that file (or start the console with &lt;tt&gt;--inventory FILE&lt;/tt&gt;); changes are picked up while it runs.</source>
        <translation>Die Konsole liest ihre Knoten aus &lt;b&gt;%1&lt;/b&gt;. Legen Sie diese Datei an (oder starten Sie die Konsole mit &lt;tt&gt;--inventory DATEI&lt;/tt&gt;); Änderungen werden im laufenden Betrieb übernommen.</translation>
    </message>
    <message>
        <source>For example:</source>
        <translation>Zum Beispiel:</translation>
    </message>
    <message>
        <source>Use the agent on this machine (%1)</source>
        <translation>Den Agenten auf diesem Rechner verwenden (%1)</translation>
    </message>
</context>
<context>
    <name>anycast::MainWindow</name>
    <message>
        <source>&amp;View</source>
        <extracomment>Menu of the main window: the views, refresh, find.</extracomment>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Anycast Console</source>
        <translation>Anycast-Konsole</translation>
    </message>
    <message>
        <source>Inventory: %1</source>
        <translation>Inventar: %1</translation>
    </message>
    <message>
        <source>Inventory not reloaded: %1</source>
        <translation>Inventar nicht neu geladen: %1</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventar</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>No agents connected</source>
        <translation>Keine Agenten verbunden</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n nodes connected</source>
        <translation>
            <numerusform>%1 von %n Knoten verbunden</numerusform>
            <numerusform>%1 von %n Knoten verbunden</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Fleet</source>
        <extracomment>Tab of the main window: the fleet tree.</extracomment>
        <translation>&amp;Flotte</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <extracomment>Tab of the main window: the announcement map.</extracomment>
        <translation>&amp;Karte</translation>
    </message>
</context>
<context>
    <name>anycast::MapMarkerFeed</name>
    <message>
        <source>(region not yet known)</source>
        <translation>(Region noch unbekannt)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Map marker label: region, then &quot;N of M announcing&quot;.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n ESTABLISHED connection(s)</source>
        <extracomment>Map marker tooltip: ESTABLISHED connections of the region&apos;s nodes for this prefix.</extracomment>
        <translation>
            <numerusform>%n ESTABLISHED-Verbindung</numerusform>
            <numerusform>%n ESTABLISHED-Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, no location</source>
        <extracomment>Beside the map: a region none of whose nodes has a location.</extracomment>
        <translation>%1: %2, kein Standort</translation>
    </message>
</context>
<context>
    <name>anycast::MapPage</name>
    <message>
        <source>Not on the map</source>
        <translation>Nicht auf der Karte</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>&amp;Präfix:</translation>
    </message>
    <message>
        <source>The prefix whose announcements the map shows</source>
        <translation>Das Präfix, dessen Ankündigungen die Karte zeigt</translation>
    </message>
    <message>
        <source>Nodes the map cannot place: they are still in the fleet tree</source>
        <translation>Knoten, die die Karte nicht platzieren kann: sie stehen weiter im Flottenbaum</translation>
    </message>
    <message>
        <source>Every node is on the map</source>
        <translation>Alle Knoten sind auf der Karte</translation>
    </message>
    <message numerus="yes">
        <source>Not on the map (%n)</source>
        <translation>
            <numerusform>Nicht auf der Karte (%n)</numerusform>
            <numerusform>Nicht auf der Karte (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::PrefixModel</name>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Announcing</source>
        <translation>Ankündigung</translation>
    </message>
    <message>
        <source>ESTABLISHED</source>
        <translation>ESTABLISHED</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>(region not yet known)</source>
        <translation>(Region noch unbekannt)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>no location: %1</source>
        <translation>kein Standort: %1</translation>
    </message>
    <message>
        <source>%1, lost redundancy</source>
        <translation>%1, Redundanz verloren</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 über %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>anycast::RegionMapFacts</name>
    <message>
        <source>%1: %2</source>
        <extracomment>Map tooltip line: node name, its route for the selected prefix.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <extracomment>Map tooltip line: node name, its route, the agent&apos;s reason.</extracomment>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>%1: not connected yet</source>
        <extracomment>Beside the map: a node that has not said where it is yet.</extracomment>
        <translation>%1: noch nicht verbunden</translation>
    </message>
    <message>
        <source>%1 (%2): no location in its configuration</source>
        <extracomment>Beside the map: node name (region): its agent has no location configured.</extracomment>
        <translation>%1 (%2): kein Standort in seiner Konfiguration</translation>
    </message>
</context>
<context>
    <name>anycast::StateLegend</name>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Shape: what is observed</source>
        <translation>Form: was beobachtet wird</translation>
    </message>
    <message>
        <source>Fill: routing state</source>
        <translation>Füllung: Routing-Zustand</translation>
    </message>
</context>
<context>
    <name>anycast::StateStyle</name>
    <message>
        <source>reporting</source>
        <extracomment>What the console observes: the node&apos;s checks answer (drawn as a circle).</extracomment>
        <translation>meldet</translation>
    </message>
    <message>
        <source>failing</source>
        <extracomment>What the console observes: the node&apos;s checks say it is down (drawn as a diamond).</extracomment>
        <translation>gestört</translation>
    </message>
    <message>
        <source>no data</source>
        <extracomment>What the console observes: nothing answers (drawn as a square).</extracomment>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>announced</source>
        <extracomment>Routing state of a prefix: the route is announced over BGP.</extracomment>
        <translation>angekündigt</translation>
    </message>
    <message>
        <source>de-preferred</source>
        <extracomment>Routing state: still announced, but made less attractive (MED, AS path prepends).</extracomment>
        <translation>herabgestuft</translation>
    </message>
    <message>
        <source>redundancy lost</source>
        <extracomment>Routing state of a region: fewer of its nodes announce than it has; a warning.</extracomment>
        <translation>Redundanz verloren</translation>
    </message>
    <message>
        <source>draining</source>
        <extracomment>Routing state: an operator&apos;s drain is in progress, connections are leaving.</extracomment>
        <translation>wird entleert</translation>
    </message>
    <message>
        <source>drained</source>
        <extracomment>Routing state: an operator&apos;s drain is complete; withdrawn on purpose, not down.</extracomment>
        <translation>entleert</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <extracomment>Routing state: the route is withdrawn because the service failed.</extracomment>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>unreachable</source>
        <extracomment>Routing state unknown: the console cannot reach the node&apos;s agent.</extracomment>
        <translation>nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>anycast::WorldMapView</name>
    <message>
        <source>Announcement map</source>
        <translation>Ankündigungskarte</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Map marker tooltip, first line: routing state word, then what is observed.</extracomment>
        <translation>%1, %2</translation>
    </message>
</context>
</TS>
