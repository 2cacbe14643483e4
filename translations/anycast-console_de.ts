<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DrainPlan</name>
    <message>
        <source>%1 on %2</source>
        <extracomment>The target of a drain: a service on a node, e.g. &quot;web on fra-03&quot;.</extracomment>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>No node is selected.</source>
        <translation>Kein Knoten ausgewählt.</translation>
    </message>
    <message>
        <source>No service is selected.</source>
        <translation>Kein Dienst ausgewählt.</translation>
    </message>
    <message>
        <source>%1 has not reported yet.</source>
        <translation>%1 hat sich noch nicht gemeldet.</translation>
    </message>
    <message>
        <source>%1 has no service named %2.</source>
        <translation>%1 hat keinen Dienst namens %2.</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 ist nicht verbunden.</translation>
    </message>
    <message>
        <source>The agent lets %1 only read: it will refuse this. Only root and members of its operators_group may drain and undrain.</source>
        <translation>Der Agent erlaubt %1 nur Lesezugriff: er wird dies ablehnen. Nur root und Mitglieder seiner operators_group dürfen entleeren und die Entleerung aufheben.</translation>
    </message>
    <message>
        <source>%1: %2 would announce, below min_announcing %3; the agent&apos;s fleet guard will keep the route (de-preferred) unless forced.</source>
        <translation>%1: %2 würden ankündigen, unter min_announcing %3; der Flottenschutz des Agenten behält die Route (herabgestuft), sofern nicht erzwungen.</translation>
    </message>
    <message>
        <source>%1: %2 would announce, below min_announcing %3; the agent has no fleet peers, so its guard will not hold the route.</source>
        <translation>%1: %2 würden ankündigen, unter min_announcing %3; der Agent hat keine Flotten-Peers, sein Schutz hält die Route daher nicht.</translation>
    </message>
    <message>
        <source>Region %1 has a drain under way: %2.</source>
        <translation>In Region %1 läuft eine Entleerung: %2.</translation>
    </message>
    <message>
        <source>This console has a drain under way in region %1; wait until it has finished.</source>
        <translation>Diese Konsole hat eine laufende Entleerung in Region %1; warten Sie, bis sie abgeschlossen ist.</translation>
    </message>
    <message>
        <source>%1: %2 is the last node announcing it in the fleet.</source>
        <translation>%1: %2 ist der letzte Knoten in der Flotte, der es ankündigt.</translation>
    </message>
    <message>
        <source>%1: %2 is the last node announcing it in region %3.</source>
        <translation>%1: %2 ist der letzte Knoten in Region %3, der es ankündigt.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n node(s) serving it cannot be asked; they are not counted.</source>
        <translation>
            <numerusform>%1: %n Knoten, der es bedient, ist nicht abfragbar; er wird nicht gezählt.</numerusform>
            <numerusform>%1: %n Knoten, die es bedienen, sind nicht abfragbar; sie werden nicht gezählt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrainProgress</name>
    <message>
        <source>Drain %1</source>
        <extracomment>Title of a drain in progress: &quot;Drain fra-03&quot; or &quot;Drain web on fra-03&quot;.</extracomment>
        <translation>%1 entleeren</translation>
    </message>
    <message>
        <source>Undrain %1</source>
        <extracomment>Title of an undrain in progress.</extracomment>
        <translation>Entleerung von %1 aufheben</translation>
    </message>
    <message>
        <source>sent; waiting for the agent</source>
        <translation>gesendet; warte auf den Agenten</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>angefordert</translation>
    </message>
    <message>
        <source>de-preferred (65535:0, prepends)</source>
        <translation>herabgestuft (65535:0, Prepends)</translation>
    </message>
    <message>
        <source>bleeding</source>
        <translation>Verbindungen laufen aus</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>waiting for healthy checks</source>
        <translation>warte auf erfolgreiche Zustandsprüfungen</translation>
    </message>
    <message>
        <source>announced again</source>
        <translation>wieder angekündigt</translation>
    </message>
    <message>
        <source>Refused by the agent (permission denied): %1</source>
        <translation>Vom Agenten abgelehnt (Zugriff verweigert): %1</translation>
    </message>
    <message>
        <source>Refused by the agent (not persisted, nothing changed): %1</source>
        <translation>Vom Agenten abgelehnt (nicht gespeichert, nichts geändert): %1</translation>
    </message>
    <message>
        <source>Refused by the agent (error %1): %2</source>
        <translation>Vom Agenten abgelehnt (Fehler %1): %2</translation>
    </message>
    <message>
        <source>No answer from the agent: %1. Whether it took effect shows in the node&apos;s status.</source>
        <translation>Keine Antwort vom Agenten: %1. Ob es gewirkt hat, zeigt der Status des Knotens.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
    <message numerus="yes">
        <source>communities %1; %n prepend(s)</source>
        <translation>
            <numerusform>Communities %1; %n Prepend</numerusform>
            <numerusform>Communities %1; %n Prepends</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ESTABLISHED now</source>
        <translation>
            <numerusform>jetzt %n ESTABLISHED</numerusform>
            <numerusform>jetzt %n ESTABLISHED</numerusform>
        </translation>
    </message>
    <message>
        <source>Drained, but the agent still announces:
%1</source>
        <translation>Entleert, aber der Agent kündigt weiterhin an:
%1</translation>
    </message>
    <message numerus="yes">
        <source>announces again after %n healthy check(s)</source>
        <translation>
            <numerusform>kündigt nach %n erfolgreichen Zustandsprüfung wieder an</numerusform>
            <numerusform>kündigt nach %n erfolgreichen Zustandsprüfungen wieder an</numerusform>
        </translation>
    </message>
    <message>
        <source>announces again after the service&apos;s healthy checks</source>
        <translation>kündigt nach erfolgreichen Zustandsprüfungen des Dienstes wieder an</translation>
    </message>
</context>
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
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1
State: %2</source>
        <translation>%1
Status: %2</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>NodeMoment</name>
    <message>
        <source>%1 some events may be missing here</source>
        <extracomment>Detail at a chart&apos;s moment: a gap in a node&apos;s event log (time).</extracomment>
        <translation>%1 hier fehlen möglicherweise Ereignisse</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <extracomment>Detail at a chart&apos;s moment, one event: time, kind (route, health, ...), message.</extracomment>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>%1 %2 (%3): %4</source>
        <extracomment>Detail at a chart&apos;s moment, one event: time, kind, service, message.</extracomment>
        <translation>%1 %2 (%3): %4</translation>
    </message>
    <message>
        <source>n/a</source>
        <extracomment>Detail at a chart&apos;s moment: a value the chart had no sample for.</extracomment>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 from %2 to %3 UTC, as the charts drew it:</source>
        <extracomment>Detail at a chart&apos;s moment, heading: node, start and end of the chart&apos;s bucket (UTC).</extracomment>
        <translation>%1 von %2 bis %3 UTC, wie die Diagramme es zeigten:</translation>
    </message>
    <message>
        <source>no sample of this node in that interval</source>
        <extracomment>Detail at a chart&apos;s moment: the console holds no sample of the node there.</extracomment>
        <translation>keine Messung dieses Knotens in diesem Intervall</translation>
    </message>
    <message>
        <source>ESTABLISHED %1, SYN_RECV %2, TIME_WAIT %3, CLOSE_WAIT %4, other %5</source>
        <extracomment>Detail at a chart&apos;s moment: TCP state counts (means over the interval).</extracomment>
        <translation>ESTABLISHED %1, SYN_RECV %2, TIME_WAIT %3, CLOSE_WAIT %4, sonstige %5</translation>
    </message>
    <message>
        <source>accept queue %1, retransmissions %2, probe latency %3</source>
        <extracomment>Detail at a chart&apos;s moment: the fullest accept queue, retransmissions, probe latency; each argument is a value with its unit, or &quot;n/a&quot;.</extracomment>
        <translation>Accept-Warteschlange %1, Neuübertragungen %2, Prüflatenz %3</translation>
    </message>
    <message>
        <source>%1 % full</source>
        <translation>%1 % voll</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>Detail at a chart&apos;s moment: retransmissions per second.</extracomment>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <extracomment>Detail at a chart&apos;s moment: probe latency.</extracomment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No event of this node held up to then.</source>
        <extracomment>Detail at a chart&apos;s moment: the console holds no event of the node up to then.</extracomment>
        <translation>Bis dahin ist kein Ereignis dieses Knotens gespeichert.</translation>
    </message>
    <message>
        <source>Its last events up to then:</source>
        <extracomment>Detail at a chart&apos;s moment: heading of the node&apos;s last events up to the moment.</extracomment>
        <translation>Seine letzten Ereignisse bis dahin:</translation>
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
        <source>unknown (unreachable)</source>
        <translation>unbekannt (nicht erreichbar)</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>fehlerhaft</translation>
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
    <name>anycast::AuditModel</name>
    <message>
        <source>STALE: in force for %1</source>
        <extracomment>Audit view: a drain left in force for longer than the threshold; %1 its age.</extracomment>
        <translation>VERALTET: in Kraft seit %1</translation>
    </message>
    <message>
        <source>In force for %1</source>
        <extracomment>Audit view: the drain still holds; %1 how long it has held (&quot;3 h&quot;).</extracomment>
        <translation>In Kraft seit %1</translation>
    </message>
    <message>
        <source>Replaced by a later drain</source>
        <translation>Durch eine spätere Entleerung ersetzt</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>Unknown: no status from the node</source>
        <translation>Unbekannt: kein Status vom Knoten</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>Entleeren</translation>
    </message>
    <message>
        <source>Undrain</source>
        <translation>Entleerung aufheben</translation>
    </message>
    <message>
        <source>whole node</source>
        <extracomment>Audit view: the target of a drain that is not one service.</extracomment>
        <translation>ganzer Knoten</translation>
    </message>
    <message>
        <source>graceful</source>
        <translation>schonend</translation>
    </message>
    <message>
        <source>immediate</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>%1, fleet guard overridden</source>
        <extracomment>Audit view: a drain that overrode the fleet guard; %1 is its mode.</extracomment>
        <translation>%1, Flottenschutz übergangen</translation>
    </message>
    <message>
        <source>Held in the node&apos;s status (the event is older than the agent keeps)</source>
        <translation>Im Status des Knotens geführt (das Ereignis ist älter, als der Agent aufbewahrt)</translation>
    </message>
    <message>
        <source>%1 (audit record %2)</source>
        <extracomment>Audit view: the agent&apos;s answer; %2 the id of its audit record.</extracomment>
        <translation>%1 (Audit-Eintrag %2)</translation>
    </message>
    <message>
        <source>%1; warning: %2</source>
        <translation>%1; Warnung: %2</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <extracomment>Tooltip of a time in the audit view; %1 is the time in UTC.</extracomment>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Who</source>
        <extracomment>Column of the audit view: the operator who drained or undrained.</extracomment>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Agent&apos;s answer</source>
        <extracomment>Column of the audit view: what the agent answered the operator.</extracomment>
        <translation>Antwort des Agenten</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>anycast::AuditPage</name>
    <message>
        <source>Stale after:</source>
        <extracomment>Audit view: the threshold after which a drain in force is flagged stale.</extracomment>
        <translation>Veraltet nach:</translation>
    </message>
    <message>
        <source> h</source>
        <extracomment>Unit of the stale threshold (hours).</extracomment>
        <translation> h</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>No drains or undrains seen yet.</source>
        <translation>Noch keine Entleerungen oder Aufhebungen gesehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n drain(s) in force</source>
        <translation>
            <numerusform>%n Entleerung in Kraft</numerusform>
            <numerusform>%n Entleerungen in Kraft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n stale (in force for more than %2 h)</source>
        <extracomment>Audit view summary; %1 is the line before, %2 the threshold in hours.</extracomment>
        <translation>
            <numerusform>%1; %n veraltet (seit mehr als %2 h in Kraft)</numerusform>
            <numerusform>%1; %n veraltet (seit mehr als %2 h in Kraft)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit rows</source>
        <translation>Audit-Zeilen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <extracomment>File type filter of the CSV export dialog.</extracomment>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>anycast::ChartMarkerLayer</name>
    <message>
        <source>%1: %2</source>
        <extracomment>Tooltip of a marker on the charts: %1 the time, %2 what happened.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>A marker&apos;s tag on the charts: %1 a glyph for its kind, %2 what happened.</extracomment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>anycast::ChartsPage</name>
    <message>
        <source>ESTABLISHED</source>
        <extracomment>TCP state as the kernel names it.</extracomment>
        <translation>ESTABLISHED</translation>
    </message>
    <message>
        <source>SYN_RECV</source>
        <extracomment>TCP state as the kernel names it.</extracomment>
        <translation>SYN_RECV</translation>
    </message>
    <message>
        <source>TIME_WAIT</source>
        <extracomment>TCP state as the kernel names it.</extracomment>
        <translation>TIME_WAIT</translation>
    </message>
    <message>
        <source>CLOSE_WAIT</source>
        <extracomment>TCP state as the kernel names it.</extracomment>
        <translation>CLOSE_WAIT</translation>
    </message>
    <message>
        <source>other</source>
        <extracomment>Every other TCP state but LISTEN.</extracomment>
        <translation>andere</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <extracomment>Label of the charts&apos; selector of a region or a node.</extracomment>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>Window:</source>
        <extracomment>Label of the charts&apos; time window buttons.</extracomment>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <source>&amp;5 min</source>
        <extracomment>Charts&apos; time window; Alt+5 chooses it.</extracomment>
        <translation>&amp;5 min</translation>
    </message>
    <message>
        <source>&amp;15 min</source>
        <extracomment>Charts&apos; time window; Alt+1 chooses it.</extracomment>
        <translation>&amp;15 min</translation>
    </message>
    <message>
        <source>&amp;60 min</source>
        <extracomment>Charts&apos; time window; Alt+6 chooses it.</extracomment>
        <translation>&amp;60 min</translation>
    </message>
    <message>
        <source>Markers: ▼ drain   ▲ undrain   ◆ route change</source>
        <extracomment>Key to the markers on the charts&apos; time axis; the glyphs are drawn on the markers.</extracomment>
        <translation>Markierungen: ▼ Entleeren   ▲ Entleerung aufheben   ◆ Routenänderung</translation>
    </message>
    <message>
        <source>TCP connections by state (stacked)</source>
        <extracomment>Chart title.</extracomment>
        <translation>TCP-Verbindungen nach Zustand (gestapelt)</translation>
    </message>
    <message>
        <source>connections</source>
        <extracomment>Unit of a chart&apos;s y axis.</extracomment>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Accept queue fill of the fullest listener, % of its backlog</source>
        <extracomment>Chart title.</extracomment>
        <translation>Füllstand der Accept-Warteschlange des vollsten Listeners, % seines Backlogs</translation>
    </message>
    <message>
        <source>%</source>
        <extracomment>Unit of a chart&apos;s y axis.</extracomment>
        <translation>%</translation>
    </message>
    <message>
        <source>TCP retransmissions per second</source>
        <extracomment>Chart title.</extracomment>
        <translation>TCP-Neuübertragungen pro Sekunde</translation>
    </message>
    <message>
        <source>per s</source>
        <extracomment>Unit of a chart&apos;s y axis.</extracomment>
        <translation>pro s</translation>
    </message>
    <message>
        <source>Probe latency of successful probes, ms</source>
        <extracomment>Chart title.</extracomment>
        <translation>Latenz erfolgreicher Proben, ms</translation>
    </message>
    <message>
        <source>ms</source>
        <extracomment>Unit of a chart&apos;s y axis.</extracomment>
        <translation>ms</translation>
    </message>
    <message numerus="yes">
        <source>Region %1 (%n node(s) summed)</source>
        <extracomment>Charts&apos; selector entry: a region, its nodes summed.</extracomment>
        <translation>
            <numerusform>Region %1 (%n Knoten summiert)</numerusform>
            <numerusform>Region %1 (%n Knoten summiert)</numerusform>
        </translation>
    </message>
    <message>
        <source>    Node %1</source>
        <extracomment>Charts&apos; selector entry: one node, under its region.</extracomment>
        <translation>    Knoten %1</translation>
    </message>
    <message>
        <source>No data: no node has reported yet</source>
        <extracomment>Shown on a chart when the chosen region or node has no samples in the window.</extracomment>
        <translation>Keine Daten: noch kein Knoten hat sich gemeldet</translation>
    </message>
    <message>
        <source>No data: no samples in this window</source>
        <translation>Keine Daten: keine Messungen in diesem Zeitfenster</translation>
    </message>
    <message>
        <source>No data: the samples carry no listener backlog</source>
        <extracomment>Shown on the accept queue chart when the samples have no listener&apos;s backlog.</extracomment>
        <translation>Keine Daten: die Messungen enthalten kein Listener-Backlog</translation>
    </message>
    <message>
        <source>No data: the samples carry no retransmission counts</source>
        <extracomment>Shown on the retransmissions chart when the samples have no TCP_INFO totals.</extracomment>
        <translation>Keine Daten: die Messungen enthalten keine Zähler für Neuübertragungen</translation>
    </message>
    <message>
        <source>No data: no successful probe in this window</source>
        <extracomment>Shown on the probe latency chart when no probe succeeded (or none is set up).</extracomment>
        <translation>Keine Daten: keine erfolgreiche Probe in diesem Zeitfenster</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no data</source>
        <translation>%1: keine Daten</translation>
    </message>
    <message>
        <source>Accept queue, % of backlog</source>
        <extracomment>Hover text of the accept queue chart.</extracomment>
        <translation>Accept-Warteschlange, % des Backlogs</translation>
    </message>
    <message>
        <source>Retransmissions per second</source>
        <extracomment>Hover text of the retransmissions chart.</extracomment>
        <translation>Neuübertragungen pro Sekunde</translation>
    </message>
    <message>
        <source>Probe latency, ms</source>
        <extracomment>Hover text of the probe latency chart.</extracomment>
        <translation>Probe-Latenz, ms</translation>
    </message>
    <message>
        <source>Click: the node contributing most at this time</source>
        <extracomment>Hover text of a region&apos;s chart: what a click does.</extracomment>
        <translation>Klick: der Knoten mit dem größten Anteil zu diesem Zeitpunkt</translation>
    </message>
</context>
<context>
    <name>anycast::DetailPanel</name>
    <message>
        <source>Select a region, node or service in the fleet tree to see its details.</source>
        <translation>Wählen Sie im Flottenbaum eine Region, einen Knoten oder einen Dienst aus, um die Details zu sehen.</translation>
    </message>
    <message>
        <source>%1

Now:
%2</source>
        <extracomment>Detail panel: the node at a clicked chart moment above its live facts; the arguments are those two texts.</extracomment>
        <translation>%1

Jetzt:
%2</translation>
    </message>
</context>
<context>
    <name>anycast::DrainController</name>
    <message>
        <source>&amp;Drain…</source>
        <translation>&amp;Entleeren…</translation>
    </message>
    <message>
        <source>&amp;Undrain…</source>
        <translation>Entleerung a&amp;ufheben…</translation>
    </message>
    <message>
        <source>Withdraw the selected node&apos;s or service&apos;s routes, gracefully (BGP sessions stay up)</source>
        <translation>Die Routen des ausgewählten Knotens oder Dienstes schonend zurückziehen (BGP-Sitzungen bleiben bestehen)</translation>
    </message>
    <message>
        <source>Announce the selected node&apos;s or service&apos;s routes again</source>
        <translation>Die Routen des ausgewählten Knotens oder Dienstes wieder ankündigen</translation>
    </message>
    <message>
        <source>Drains</source>
        <extracomment>Title of the dock that lists the drains sent from this console and their phases.</extracomment>
        <translation>Entleerungen</translation>
    </message>
    <message>
        <source>the node has left the inventory</source>
        <translation>der Knoten ist nicht mehr im Inventar</translation>
    </message>
    <message>
        <source>not sent: this console has a drain under way in region %1</source>
        <translation>nicht gesendet: diese Konsole hat eine laufende Entleerung in Region %1</translation>
    </message>
</context>
<context>
    <name>anycast::DrainDialog</name>
    <message>
        <source>Drain %1</source>
        <translation>%1 entleeren</translation>
    </message>
    <message>
        <source>Undrain %1</source>
        <translation>Entleerung von %1 aufheben</translation>
    </message>
    <message>
        <source>Drain %1 (region %2)</source>
        <translation>%1 entleeren (Region %2)</translation>
    </message>
    <message>
        <source>Undrain %1 (region %2)</source>
        <translation>Entleerung von %1 aufheben (Region %2)</translation>
    </message>
    <message>
        <source>BGP sessions stay up: the node withdraws its routes, it does not close its sessions.</source>
        <translation>BGP-Sitzungen bleiben bestehen: der Knoten zieht seine Routen zurück, schließt aber seine Sitzungen nicht.</translation>
    </message>
    <message>
        <source>BGP sessions stayed up while drained: the routes are announced again once the service passes its healthy checks.</source>
        <translation>BGP-Sitzungen blieben während der Entleerung bestehen: die Routen werden wieder angekündigt, sobald der Dienst seine Zustandsprüfungen besteht.</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Service %1 on node %2 in region %3
Prefixes: %4</source>
        <translation>Dienst %1 auf Knoten %2 in Region %3
Präfixe: %4</translation>
    </message>
    <message>
        <source>Node %1 in region %2, every service (%3)
Prefixes: %4</source>
        <translation>Knoten %1 in Region %2, alle Dienste (%3)
Präfixe: %4</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; %3 nodes</source>
        <extracomment>Availability of a prefix: announcing nodes before -&gt; after the drain.</extracomment>
        <translation>%1: %2 -&gt; %3 Knoten</translation>
    </message>
    <message>
        <source>region %1 %2 -&gt; %3</source>
        <translation>Region %1 %2 -&gt; %3</translation>
    </message>
    <message>
        <source>region %1 %2</source>
        <translation>Region %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n not reporting</source>
        <translation>
            <numerusform>%n meldet nicht</numerusform>
            <numerusform>%n melden nicht</numerusform>
        </translation>
    </message>
    <message>
        <source>Availability (announcing nodes before -&gt; after)</source>
        <translation>Verfügbarkeit (ankündigende Knoten vorher -&gt; nachher)</translation>
    </message>
    <message>
        <source>No prefix is in scope.</source>
        <translation>Kein Präfix im Umfang.</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>None found: other nodes keep announcing every prefix.</source>
        <translation>Keine gefunden: andere Knoten kündigen weiterhin jedes Präfix an.</translation>
    </message>
    <message>
        <source>required: why, for the audit log</source>
        <translation>erforderlich: warum, für das Audit-Protokoll</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>optional, e.g. CHG-1234</source>
        <translation>optional, z. B. CHG-1234</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Ticket:</translation>
    </message>
    <message>
        <source>&amp;Graceful: announce with 65535:0 and prepends, withdraw once connections have bled off</source>
        <translation>&amp;Schonend: mit 65535:0 und Prepends ankündigen, zurückziehen, sobald die Verbindungen ausgelaufen sind</translation>
    </message>
    <message>
        <source>&amp;Immediate: withdraw now</source>
        <translation>Sof&amp;ort: jetzt zurückziehen</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source>&amp;Force: override the fleet guard and withdraw below min_announcing %1</source>
        <translation>&amp;Erzwingen: Flottenschutz übergehen und unter min_announcing %1 zurückziehen</translation>
    </message>
    <message>
        <source>Type %1 to &amp;confirm:</source>
        <translation>Zum &amp;Bestätigen %1 eingeben:</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Ein Grund ist erforderlich.</translation>
    </message>
    <message>
        <source>The reason %1.</source>
        <translation>Grund: %1.</translation>
    </message>
    <message>
        <source>The ticket %1.</source>
        <translation>Ticket: %1.</translation>
    </message>
    <message>
        <source>This drain is risky: type the node&apos;s name, %1, to confirm.</source>
        <translation>Diese Entleerung ist riskant: geben Sie zur Bestätigung den Namen des Knotens ein, %1.</translation>
    </message>
</context>
<context>
    <name>anycast::DrainProgressPanel</name>
    <message>
        <source>No drain sent from this console yet.</source>
        <translation>Von dieser Konsole wurde noch keine Entleerung gesendet.</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done: withdrawn</source>
        <translation>fertig: zurückgezogen</translation>
    </message>
    <message>
        <source>done: announced again</source>
        <translation>fertig: wieder angekündigt</translation>
    </message>
    <message>
        <source>HELD: in force, but still announced</source>
        <translation>GEHALTEN: in Kraft, aber weiterhin angekündigt</translation>
    </message>
    <message>
        <source>REFUSED: nothing changed</source>
        <translation>ABGELEHNT: nichts geändert</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>○ %1 (pending)</source>
        <translation>○ %1 (ausstehend)</translation>
    </message>
    <message>
        <source>▶ %1 (now)</source>
        <translation>▶ %1 (jetzt)</translation>
    </message>
    <message>
        <source>✔ %1 (done)</source>
        <translation>✔ %1 (erledigt)</translation>
    </message>
    <message>
        <source>– %1 (skipped)</source>
        <translation>– %1 (übersprungen)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>anycast::EventDock</name>
    <message>
        <source>Events</source>
        <extracomment>Title of the dock that lists every node&apos;s events.</extracomment>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Filter events</source>
        <extracomment>Placeholder of the event dock&apos;s text filter.</extracomment>
        <translation>Ereignisse filtern</translation>
    </message>
    <message>
        <source>Follow &amp;latest</source>
        <extracomment>Toggle of the event dock: keep the newest event in sight.</extracomment>
        <translation>&amp;Neuestem folgen</translation>
    </message>
    <message>
        <source>Keep the newest event in sight. Scrolling up turns this off.</source>
        <translation>Das neueste Ereignis im Blick behalten. Nach oben scrollen schaltet dies aus.</translation>
    </message>
    <message>
        <source>All kinds</source>
        <extracomment>Event dock filter: no kind filter.</extracomment>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>All nodes</source>
        <extracomment>Event dock filter: no node filter.</extracomment>
        <translation>Alle Knoten</translation>
    </message>
    <message>
        <source>All regions</source>
        <extracomment>Event dock filter: no region filter.</extracomment>
        <translation>Alle Regionen</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s) shown</source>
        <extracomment>Event dock: rows the filters let through, of all rows.</extracomment>
        <translation>
            <numerusform>%1 von %n Ereignis angezeigt</numerusform>
            <numerusform>%1 von %n Ereignissen angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n older event(s) dropped (the console keeps %2 per node, %3 in all)</source>
        <extracomment>Event dock: %1 is the line above; %2 the per-node cap, %3 the fleet-wide one.</extracomment>
        <translation>
            <numerusform>%1; %n älteres Ereignis verworfen (die Konsole behält %2 pro Knoten, %3 insgesamt)</numerusform>
            <numerusform>%1; %n ältere Ereignisse verworfen (die Konsole behält %2 pro Knoten, %3 insgesamt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::EventLogModel</name>
    <message>
        <source>Health</source>
        <extracomment>Kind of an agent&apos;s event: a service&apos;s health changed.</extracomment>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Route</source>
        <extracomment>Kind of an agent&apos;s event: a prefix was announced, de-preferred or withdrawn.</extracomment>
        <translation>Route</translation>
    </message>
    <message>
        <source>Probe</source>
        <extracomment>Kind of an agent&apos;s event: a service&apos;s probe started or stopped passing.</extracomment>
        <translation>Probe</translation>
    </message>
    <message>
        <source>Drain</source>
        <extracomment>Kind of an agent&apos;s event: an operator drained a node or service.</extracomment>
        <translation>Entleeren</translation>
    </message>
    <message>
        <source>Undrain</source>
        <extracomment>Kind of an agent&apos;s event: an operator undrained a node or service.</extracomment>
        <translation>Entleerung aufheben</translation>
    </message>
    <message>
        <source>BGP</source>
        <extracomment>Kind of an agent&apos;s event: a BGP session changed.</extracomment>
        <translation>BGP</translation>
    </message>
    <message>
        <source>Fleet</source>
        <extracomment>Kind of an agent&apos;s event: a fleet peer became reachable or stopped answering.</extracomment>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Config</source>
        <extracomment>Kind of an agent&apos;s event: the configuration was reloaded (or a reload refused).</extracomment>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Gap</source>
        <extracomment>Kind column of a row that stands for events the console could not get.</extracomment>
        <translation>Lücke</translation>
    </message>
    <message>
        <source>The agent restarted: events of its previous run after the last one shown may be missing.</source>
        <translation>Der Agent wurde neu gestartet: Ereignisse seines vorherigen Laufs nach dem zuletzt angezeigten können fehlen.</translation>
    </message>
    <message>
        <source>Event %1 is missing: the agent no longer kept it.</source>
        <translation>Ereignis %1 fehlt: der Agent hat es nicht mehr aufbewahrt.</translation>
    </message>
    <message>
        <source>Events %1 to %2 are missing: the agent no longer kept them.</source>
        <translation>Ereignisse %1 bis %2 fehlen: der Agent hat sie nicht mehr aufbewahrt.</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <extracomment>Tooltip of an event&apos;s time; %1 is the time in UTC.</extracomment>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>Column of the event log: when it happened, in local time.</extracomment>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Column of the event log: health, route, drain, ...</extracomment>
        <translation>Art</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
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
    <name>anycast::FleetDetails</name>
    <message>
        <source>whole node</source>
        <translation>ganzer Knoten</translation>
    </message>
    <message>
        <source>%1: %2 by %3 since %4, reason: %5</source>
        <translation>%1: %2 von %3 seit %4, Grund: %5</translation>
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
        <source>%1 (%2): %3, fleet-wide %4</source>
        <translation>%1 (%2): %3, flottenweit %4</translation>
    </message>
    <message>
        <source>%1; agent: %2</source>
        <translation>%1; Agent: %2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>%1; reasons: %2</source>
        <translation>%1; Gründe: %2</translation>
    </message>
    <message>
        <source>%1; pending: %2</source>
        <translation>%1; ausstehend: %2</translation>
    </message>
    <message>
        <source>%1; probe ok</source>
        <translation>%1; Probe ok</translation>
    </message>
    <message>
        <source>%1; probe failed: %2</source>
        <translation>%1; Probe fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>State: %1, %2</source>
        <translation>Status: %1, %2</translation>
    </message>
    <message>
        <source>%1: %2 in this region, %3 fleet-wide</source>
        <translation>%1: %2 in dieser Region, %3 flottenweit</translation>
    </message>
    <message>
        <source>Nodes not yet named by their agents</source>
        <translation>Knoten, die ihre Agenten noch nicht benannt haben</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>Region %1</translation>
    </message>
    <message>
        <source>Roll-up: %1</source>
        <translation>Zusammenfassung: %1</translation>
    </message>
    <message>
        <source>Nodes: %1 reachable of %2</source>
        <translation>Knoten: %1 von %2 erreichbar</translation>
    </message>
    <message>
        <source>Announcing per prefix:</source>
        <translation>Ankündigung je Präfix:</translation>
    </message>
    <message>
        <source>none known</source>
        <translation>keine bekannt</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>Befunde:</translation>
    </message>
    <message>
        <source>%1 is no longer in the inventory.</source>
        <translation>%1 ist nicht mehr im Inventar.</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Endpunkt: %1</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>Region: %1</translation>
    </message>
    <message>
        <source>Agent version: %1</source>
        <translation>Agent-Version: %1</translation>
    </message>
    <message>
        <source>Location: latitude %1, longitude %2</source>
        <translation>Standort: Breite %1, Länge %2</translation>
    </message>
    <message>
        <source>Location: not configured</source>
        <translation>Standort: nicht konfiguriert</translation>
    </message>
    <message>
        <source>What follows is the last report, not the current state.</source>
        <translation>Das Folgende ist die letzte Meldung, nicht der aktuelle Zustand.</translation>
    </message>
    <message>
        <source>Operator state: %1</source>
        <translation>Betriebsstatus: %1</translation>
    </message>
    <message>
        <source>Services:</source>
        <translation>Dienste:</translation>
    </message>
    <message>
        <source>Prefixes:</source>
        <translation>Präfixe:</translation>
    </message>
    <message>
        <source>Drains in force:</source>
        <translation>Entleerungen in Kraft:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>unknown (no report yet)</source>
        <translation>unbekannt (noch keine Meldung)</translation>
    </message>
    <message>
        <source>Service %1 on %2</source>
        <translation>Dienst %1 auf %2</translation>
    </message>
    <message>
        <source>Routing: %1</source>
        <translation>Routing: %1</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Drain in force: %1</source>
        <translation>Entleerung in Kraft: %1</translation>
    </message>
    <message>
        <source>Health: unknown (no report yet)</source>
        <translation>Zustand: unbekannt (noch keine Meldung)</translation>
    </message>
</context>
<context>
    <name>anycast::FleetStatusStrip</name>
    <message>
        <source>No nodes in the inventory</source>
        <translation>Keine Knoten im Inventar</translation>
    </message>
    <message>
        <source>Nodes: %1 connected, %2 unreachable</source>
        <translation>Knoten: %1 verbunden, %2 nicht erreichbar</translation>
    </message>
    <message>
        <source>Unreachable counts every node not connected now: connecting, refused, or down.</source>
        <translation>„Nicht erreichbar“ zählt jeden derzeit nicht verbundenen Knoten: verbindet, abgelehnt oder ausgefallen.</translation>
    </message>
    <message>
        <source>Prefixes: %1 fully, %2 partly, %3 not announced, %4 unknown</source>
        <translation>Präfixe: %1 vollständig, %2 teilweise, %3 nicht angekündigt, %4 unbekannt</translation>
    </message>
    <message>
        <source>Prefixes: %1 fully, %2 partly, %3 not announced</source>
        <translation>Präfixe: %1 vollständig, %2 teilweise, %3 nicht angekündigt</translation>
    </message>
    <message>
        <source>Fully: every node that serves the prefix announces it. Partly: some do. Unknown: every node that serves it is unreachable.</source>
        <translation>Vollständig: jeder Knoten, der das Präfix bedient, kündigt es an. Teilweise: einige tun es. Unbekannt: jeder Knoten, der es bedient, ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>No drains in force</source>
        <translation>Keine Entleerungen in Kraft</translation>
    </message>
    <message>
        <source>Drains in force: %1</source>
        <translation>Entleerungen in Kraft: %1</translation>
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
        <source>&amp;Fleet</source>
        <extracomment>Tab of the main window: the fleet tree.</extracomment>
        <translation>&amp;Flotte</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <extracomment>Tab of the main window: the announcement map.</extracomment>
        <translation>&amp;Karte</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <extracomment>Tab of the main window: the region charts.</extracomment>
        <translation>Dia&amp;gramme</translation>
    </message>
    <message>
        <source>Details</source>
        <extracomment>Title of the dock with the facts about the selected region, node or service.</extracomment>
        <translation>Details</translation>
    </message>
    <message>
        <source>Filter by region, node, service or prefix</source>
        <translation>Nach Region, Knoten, Dienst oder Präfix filtern</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Problems only</source>
        <translation>Nur Probleme</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>Fi&amp;lter:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Menu of the main window.</extracomment>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <extracomment>Menu of the main window: actions on the selected node or service.</extracomment>
        <translation>K&amp;noten</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>F&amp;ind in Fleet</source>
        <translation>In Flotte &amp;suchen</translation>
    </message>
    <message>
        <source>Filter the fleet tree by region, node, service or prefix</source>
        <translation>Den Flottenbaum nach Region, Knoten, Dienst oder Präfix filtern</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Show every change received so far now</source>
        <translation>Alle bisher empfangenen Änderungen jetzt anzeigen</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <extracomment>Tab of the main window: drains and undrains across the fleet.</extracomment>
        <translation>A&amp;udit</translation>
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
    <name>anycast::NodeSession</name>
    <message>
        <source>not sent: the link to %1 is not up</source>
        <translation>nicht gesendet: die Verbindung zu %1 besteht nicht</translation>
    </message>
    <message>
        <source>not sent: the link to %1 is not up (%2)</source>
        <translation>nicht gesendet: die Verbindung zu %1 besteht nicht (%2)</translation>
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
    <message>
        <source>route unknown</source>
        <extracomment>Routing state unknown although the node&apos;s agent answers: no route reported yet.</extracomment>
        <translation>Route unbekannt</translation>
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
