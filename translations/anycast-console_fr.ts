<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DrainPlan</name>
    <message>
        <source>%1 on %2</source>
        <extracomment>The target of a drain: a service on a node, e.g. &quot;web on fra-03&quot;.</extracomment>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>No node is selected.</source>
        <translation>Aucun nœud n&apos;est sélectionné.</translation>
    </message>
    <message>
        <source>No service is selected.</source>
        <translation>Aucun service n&apos;est sélectionné.</translation>
    </message>
    <message>
        <source>%1 has not reported yet.</source>
        <translation>%1 n&apos;a pas encore fait de rapport.</translation>
    </message>
    <message>
        <source>%1 has no service named %2.</source>
        <translation>%1 n&apos;a aucun service nommé %2.</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 n&apos;est pas connecté.</translation>
    </message>
    <message>
        <source>The agent lets %1 only read: it will refuse this. Only root and members of its operators_group may drain and undrain.</source>
        <translation>L&apos;agent n&apos;autorise %1 qu&apos;en lecture : il refusera cette action. Seuls root et les membres de son operators_group peuvent drainer et annuler le drainage.</translation>
    </message>
    <message>
        <source>%1: %2 would announce, below min_announcing %3; the agent&apos;s fleet guard will keep the route (de-preferred) unless forced.</source>
        <translation>%1 : %2 l&apos;annonceraient, sous min_announcing %3 ; la garde de flotte de l&apos;agent conservera la route (dépréciée) sauf si l&apos;action est forcée.</translation>
    </message>
    <message>
        <source>%1: %2 would announce, below min_announcing %3; the agent has no fleet peers, so its guard will not hold the route.</source>
        <translation>%1 : %2 l&apos;annonceraient, sous min_announcing %3 ; l&apos;agent n&apos;a aucun pair de flotte, sa garde ne conservera donc pas la route.</translation>
    </message>
    <message>
        <source>Region %1 has a drain under way: %2.</source>
        <translation>La région %1 a un drainage en cours : %2.</translation>
    </message>
    <message>
        <source>This console has a drain under way in region %1; wait until it has finished.</source>
        <translation>Cette console a un drainage en cours dans la région %1 ; attendez qu&apos;il soit terminé.</translation>
    </message>
    <message>
        <source>%1: %2 is the last node announcing it in the fleet.</source>
        <translation>%1 : %2 est le dernier nœud de la flotte à l&apos;annoncer.</translation>
    </message>
    <message>
        <source>%1: %2 is the last node announcing it in region %3.</source>
        <translation>%1 : %2 est le dernier nœud de la région %3 à l&apos;annoncer.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n node(s) serving it cannot be asked; they are not counted.</source>
        <translation>
            <numerusform>%1 : %n nœud qui le sert ne peut pas être interrogé ; il n&apos;est pas compté.</numerusform>
            <numerusform>%1 : %n nœuds qui le servent ne peuvent pas être interrogés ; ils ne sont pas comptés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrainProgress</name>
    <message>
        <source>Drain %1</source>
        <extracomment>Title of a drain in progress: &quot;Drain fra-03&quot; or &quot;Drain web on fra-03&quot;.</extracomment>
        <translation>Drainer %1</translation>
    </message>
    <message>
        <source>Undrain %1</source>
        <extracomment>Title of an undrain in progress.</extracomment>
        <translation>Annuler le drainage de %1</translation>
    </message>
    <message>
        <source>sent; waiting for the agent</source>
        <translation>envoyé ; en attente de l&apos;agent</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>demandé</translation>
    </message>
    <message>
        <source>de-preferred (65535:0, prepends)</source>
        <translation>déprécié (65535:0, prepends)</translation>
    </message>
    <message>
        <source>bleeding</source>
        <translation>écoulement des connexions</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>waiting for healthy checks</source>
        <translation>en attente de contrôles de santé réussis</translation>
    </message>
    <message>
        <source>announced again</source>
        <translation>annoncé à nouveau</translation>
    </message>
    <message>
        <source>Refused by the agent (permission denied): %1</source>
        <translation>Refusé par l&apos;agent (permission refusée) : %1</translation>
    </message>
    <message>
        <source>Refused by the agent (not persisted, nothing changed): %1</source>
        <translation>Refusé par l&apos;agent (non enregistré, rien n&apos;a changé) : %1</translation>
    </message>
    <message>
        <source>Refused by the agent (error %1): %2</source>
        <translation>Refusé par l&apos;agent (erreur %1) : %2</translation>
    </message>
    <message>
        <source>No answer from the agent: %1. Whether it took effect shows in the node&apos;s status.</source>
        <translation>Aucune réponse de l&apos;agent : %1. Le statut du nœud indiquera si l&apos;action a pris effet.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Non effectué : %1</translation>
    </message>
    <message numerus="yes">
        <source>communities %1; %n prepend(s)</source>
        <translation>
            <numerusform>communities %1 ; %n prepend</numerusform>
            <numerusform>communities %1 ; %n prepends</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ESTABLISHED now</source>
        <translation>
            <numerusform>%n ESTABLISHED actuellement</numerusform>
            <numerusform>%n ESTABLISHED actuellement</numerusform>
        </translation>
    </message>
    <message>
        <source>Drained, but the agent still announces:
%1</source>
        <translation>Drainé, mais l&apos;agent annonce encore :
%1</translation>
    </message>
    <message numerus="yes">
        <source>announces again after %n healthy check(s)</source>
        <translation>
            <numerusform>annonce à nouveau après %n contrôle de santé réussi</numerusform>
            <numerusform>annonce à nouveau après %n contrôles de santé réussis</numerusform>
        </translation>
    </message>
    <message>
        <source>announces again after the service&apos;s healthy checks</source>
        <translation>annonce à nouveau après les contrôles de santé réussis du service</translation>
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
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1
State: %2</source>
        <translation>%1
État : %2</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>NodeMoment</name>
    <message>
        <source>%1 some events may be missing here</source>
        <extracomment>Detail at a chart&apos;s moment: a gap in a node&apos;s event log (time).</extracomment>
        <translation>%1 des événements manquent peut-être ici</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <extracomment>Detail at a chart&apos;s moment, one event: time, kind (route, health, ...), message.</extracomment>
        <translation>%1 %2 : %3</translation>
    </message>
    <message>
        <source>%1 %2 (%3): %4</source>
        <extracomment>Detail at a chart&apos;s moment, one event: time, kind, service, message.</extracomment>
        <translation>%1 %2 (%3) : %4</translation>
    </message>
    <message>
        <source>n/a</source>
        <extracomment>Detail at a chart&apos;s moment: a value the chart had no sample for.</extracomment>
        <translation>n.d.</translation>
    </message>
    <message>
        <source>%1 from %2 to %3 UTC, as the charts drew it:</source>
        <extracomment>Detail at a chart&apos;s moment, heading: node, start and end of the chart&apos;s bucket (UTC).</extracomment>
        <translation>%1 de %2 à %3 UTC, tel que les graphiques l&apos;ont tracé :</translation>
    </message>
    <message>
        <source>no sample of this node in that interval</source>
        <extracomment>Detail at a chart&apos;s moment: the console holds no sample of the node there.</extracomment>
        <translation>aucun échantillon de ce nœud dans cet intervalle</translation>
    </message>
    <message>
        <source>ESTABLISHED %1, SYN_RECV %2, TIME_WAIT %3, CLOSE_WAIT %4, other %5</source>
        <extracomment>Detail at a chart&apos;s moment: TCP state counts (means over the interval).</extracomment>
        <translation>ESTABLISHED %1, SYN_RECV %2, TIME_WAIT %3, CLOSE_WAIT %4, autres %5</translation>
    </message>
    <message>
        <source>accept queue %1, retransmissions %2, probe latency %3</source>
        <extracomment>Detail at a chart&apos;s moment: the fullest accept queue, retransmissions, probe latency; each argument is a value with its unit, or &quot;n/a&quot;.</extracomment>
        <translation>file d&apos;acceptation %1, retransmissions %2, latence de sonde %3</translation>
    </message>
    <message>
        <source>%1 % full</source>
        <translation>%1 % pleine</translation>
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
        <translation>Aucun événement de ce nœud conservé jusque-là.</translation>
    </message>
    <message>
        <source>Its last events up to then:</source>
        <extracomment>Detail at a chart&apos;s moment: heading of the node&apos;s last events up to the moment.</extracomment>
        <translation>Ses derniers événements jusque-là :</translation>
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
        <source>unknown (unreachable)</source>
        <translation>inconnu (injoignable)</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>en échec</translation>
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
    <name>anycast::AuditModel</name>
    <message>
        <source>STALE: in force for %1</source>
        <extracomment>Audit view: a drain left in force for longer than the threshold; %1 its age.</extracomment>
        <translation>PÉRIMÉ : en vigueur depuis %1</translation>
    </message>
    <message>
        <source>In force for %1</source>
        <extracomment>Audit view: the drain still holds; %1 how long it has held (&quot;3 h&quot;).</extracomment>
        <translation>En vigueur depuis %1</translation>
    </message>
    <message>
        <source>Replaced by a later drain</source>
        <translation>Remplacé par un drainage ultérieur</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Appliqué</translation>
    </message>
    <message>
        <source>Unknown: no status from the node</source>
        <translation>Inconnu : aucun statut du nœud</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>Drainage</translation>
    </message>
    <message>
        <source>Undrain</source>
        <translation>Annulation du drainage</translation>
    </message>
    <message>
        <source>whole node</source>
        <extracomment>Audit view: the target of a drain that is not one service.</extracomment>
        <translation>nœud entier</translation>
    </message>
    <message>
        <source>graceful</source>
        <translation>progressif</translation>
    </message>
    <message>
        <source>immediate</source>
        <translation>immédiat</translation>
    </message>
    <message>
        <source>%1, fleet guard overridden</source>
        <extracomment>Audit view: a drain that overrode the fleet guard; %1 is its mode.</extracomment>
        <translation>%1, garde de flotte outrepassée</translation>
    </message>
    <message>
        <source>Held in the node&apos;s status (the event is older than the agent keeps)</source>
        <translation>Conservé dans le statut du nœud (l&apos;événement est plus ancien que ce que l&apos;agent conserve)</translation>
    </message>
    <message>
        <source>%1 (audit record %2)</source>
        <extracomment>Audit view: the agent&apos;s answer; %2 the id of its audit record.</extracomment>
        <translation>%1 (enregistrement d&apos;audit %2)</translation>
    </message>
    <message>
        <source>%1; warning: %2</source>
        <translation>%1 ; avertissement : %2</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <extracomment>Tooltip of a time in the audit view; %1 is the time in UTC.</extracomment>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Who</source>
        <extracomment>Column of the audit view: the operator who drained or undrained.</extracomment>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Agent&apos;s answer</source>
        <extracomment>Column of the audit view: what the agent answered the operator.</extracomment>
        <translation>Réponse de l&apos;agent</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>anycast::AuditPage</name>
    <message>
        <source>Stale after:</source>
        <extracomment>Audit view: the threshold after which a drain in force is flagged stale.</extracomment>
        <translation>Périmé après :</translation>
    </message>
    <message>
        <source> h</source>
        <extracomment>Unit of the stale threshold (hours).</extracomment>
        <translation> h</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>No drains or undrains seen yet.</source>
        <translation>Aucun drainage ni annulation de drainage vu pour l&apos;instant.</translation>
    </message>
    <message numerus="yes">
        <source>%n drain(s) in force</source>
        <translation>
            <numerusform>%n drainage en vigueur</numerusform>
            <numerusform>%n drainages en vigueur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n stale (in force for more than %2 h)</source>
        <extracomment>Audit view summary; %1 is the line before, %2 the threshold in hours.</extracomment>
        <translation>
            <numerusform>%1 ; %n périmé (en vigueur depuis plus de %2 h)</numerusform>
            <numerusform>%1 ; %n périmés (en vigueur depuis plus de %2 h)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit rows</source>
        <translation>Exporter les lignes d&apos;audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <extracomment>File type filter of the CSV export dialog.</extracomment>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>anycast::ChartMarkerLayer</name>
    <message>
        <source>%1: %2</source>
        <extracomment>Tooltip of a marker on the charts: %1 the time, %2 what happened.</extracomment>
        <translation>%1 : %2</translation>
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
        <translation>autres</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <extracomment>Label of the charts&apos; selector of a region or a node.</extracomment>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <source>Window:</source>
        <extracomment>Label of the charts&apos; time window buttons.</extracomment>
        <translation>Fenêtre :</translation>
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
        <translation>Marqueurs : ▼ drainage   ▲ annulation du drainage   ◆ changement de route</translation>
    </message>
    <message>
        <source>TCP connections by state (stacked)</source>
        <extracomment>Chart title.</extracomment>
        <translation>Connexions TCP par état (empilées)</translation>
    </message>
    <message>
        <source>connections</source>
        <extracomment>Unit of a chart&apos;s y axis.</extracomment>
        <translation>connexions</translation>
    </message>
    <message>
        <source>Accept queue fill of the fullest listener, % of its backlog</source>
        <extracomment>Chart title.</extracomment>
        <translation>Remplissage de la file d&apos;acceptation de l&apos;écouteur le plus plein, % de son backlog</translation>
    </message>
    <message>
        <source>%</source>
        <extracomment>Unit of a chart&apos;s y axis.</extracomment>
        <translation>%</translation>
    </message>
    <message>
        <source>TCP retransmissions per second</source>
        <extracomment>Chart title.</extracomment>
        <translation>Retransmissions TCP par seconde</translation>
    </message>
    <message>
        <source>per s</source>
        <extracomment>Unit of a chart&apos;s y axis.</extracomment>
        <translation>par s</translation>
    </message>
    <message>
        <source>Probe latency of successful probes, ms</source>
        <extracomment>Chart title.</extracomment>
        <translation>Latence des sondes réussies, ms</translation>
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
            <numerusform>Région %1 (%n nœud additionné)</numerusform>
            <numerusform>Région %1 (%n nœuds additionnés)</numerusform>
        </translation>
    </message>
    <message>
        <source>    Node %1</source>
        <extracomment>Charts&apos; selector entry: one node, under its region.</extracomment>
        <translation>    Nœud %1</translation>
    </message>
    <message>
        <source>No data: no node has reported yet</source>
        <extracomment>Shown on a chart when the chosen region or node has no samples in the window.</extracomment>
        <translation>Aucune donnée : aucun nœud n&apos;a encore fait de rapport</translation>
    </message>
    <message>
        <source>No data: no samples in this window</source>
        <translation>Aucune donnée : aucun échantillon dans cette fenêtre</translation>
    </message>
    <message>
        <source>No data: the samples carry no listener backlog</source>
        <extracomment>Shown on the accept queue chart when the samples have no listener&apos;s backlog.</extracomment>
        <translation>Aucune donnée : les échantillons ne contiennent pas de backlog d&apos;écouteur</translation>
    </message>
    <message>
        <source>No data: the samples carry no retransmission counts</source>
        <extracomment>Shown on the retransmissions chart when the samples have no TCP_INFO totals.</extracomment>
        <translation>Aucune donnée : les échantillons ne contiennent pas de compteurs de retransmissions</translation>
    </message>
    <message>
        <source>No data: no successful probe in this window</source>
        <extracomment>Shown on the probe latency chart when no probe succeeded (or none is set up).</extracomment>
        <translation>Aucune donnée : aucune sonde réussie dans cette fenêtre</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: no data</source>
        <translation>%1 : sans données</translation>
    </message>
    <message>
        <source>Accept queue, % of backlog</source>
        <extracomment>Hover text of the accept queue chart.</extracomment>
        <translation>File d&apos;acceptation, % du backlog</translation>
    </message>
    <message>
        <source>Retransmissions per second</source>
        <extracomment>Hover text of the retransmissions chart.</extracomment>
        <translation>Retransmissions par seconde</translation>
    </message>
    <message>
        <source>Probe latency, ms</source>
        <extracomment>Hover text of the probe latency chart.</extracomment>
        <translation>Latence des sondes, ms</translation>
    </message>
    <message>
        <source>Click: the node contributing most at this time</source>
        <extracomment>Hover text of a region&apos;s chart: what a click does.</extracomment>
        <translation>Clic : le nœud qui contribue le plus à cet instant</translation>
    </message>
</context>
<context>
    <name>anycast::DetailPanel</name>
    <message>
        <source>Select a region, node or service in the fleet tree to see its details.</source>
        <translation>Sélectionnez une région, un nœud ou un service dans l&apos;arbre de la flotte pour en voir les détails.</translation>
    </message>
    <message>
        <source>%1

Now:
%2</source>
        <extracomment>Detail panel: the node at a clicked chart moment above its live facts; the arguments are those two texts.</extracomment>
        <translation>%1

Maintenant :
%2</translation>
    </message>
</context>
<context>
    <name>anycast::DrainController</name>
    <message>
        <source>&amp;Drain…</source>
        <translation>&amp;Drainer…</translation>
    </message>
    <message>
        <source>&amp;Undrain…</source>
        <translation>&amp;Annuler le drainage…</translation>
    </message>
    <message>
        <source>Withdraw the selected node&apos;s or service&apos;s routes, gracefully (BGP sessions stay up)</source>
        <translation>Retirer progressivement les routes du nœud ou du service sélectionné (les sessions BGP restent établies)</translation>
    </message>
    <message>
        <source>Announce the selected node&apos;s or service&apos;s routes again</source>
        <translation>Annoncer à nouveau les routes du nœud ou du service sélectionné</translation>
    </message>
    <message>
        <source>Drains</source>
        <extracomment>Title of the dock that lists the drains sent from this console and their phases.</extracomment>
        <translation>Drainages</translation>
    </message>
    <message>
        <source>the node has left the inventory</source>
        <translation>le nœud a quitté l&apos;inventaire</translation>
    </message>
    <message>
        <source>not sent: this console has a drain under way in region %1</source>
        <translation>non envoyé : cette console a un drainage en cours dans la région %1</translation>
    </message>
</context>
<context>
    <name>anycast::DrainDialog</name>
    <message>
        <source>Drain %1</source>
        <translation>Drainer %1</translation>
    </message>
    <message>
        <source>Undrain %1</source>
        <translation>Annuler le drainage de %1</translation>
    </message>
    <message>
        <source>Drain %1 (region %2)</source>
        <translation>Drainer %1 (région %2)</translation>
    </message>
    <message>
        <source>Undrain %1 (region %2)</source>
        <translation>Annuler le drainage de %1 (région %2)</translation>
    </message>
    <message>
        <source>BGP sessions stay up: the node withdraws its routes, it does not close its sessions.</source>
        <translation>Les sessions BGP restent établies : le nœud retire ses routes, il ne ferme pas ses sessions.</translation>
    </message>
    <message>
        <source>BGP sessions stayed up while drained: the routes are announced again once the service passes its healthy checks.</source>
        <translation>Les sessions BGP sont restées établies pendant le drainage : les routes sont annoncées à nouveau dès que le service réussit ses contrôles de santé.</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Service %1 on node %2 in region %3
Prefixes: %4</source>
        <translation>Service %1 sur le nœud %2 dans la région %3
Préfixes : %4</translation>
    </message>
    <message>
        <source>Node %1 in region %2, every service (%3)
Prefixes: %4</source>
        <translation>Nœud %1 dans la région %2, tous les services (%3)
Préfixes : %4</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; %3 nodes</source>
        <extracomment>Availability of a prefix: announcing nodes before -&gt; after the drain.</extracomment>
        <translation>%1 : %2 -&gt; %3 nœuds</translation>
    </message>
    <message>
        <source>region %1 %2 -&gt; %3</source>
        <translation>région %1 %2 -&gt; %3</translation>
    </message>
    <message>
        <source>region %1 %2</source>
        <translation>région %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n not reporting</source>
        <translation>
            <numerusform>%n ne répond pas</numerusform>
            <numerusform>%n ne répondent pas</numerusform>
        </translation>
    </message>
    <message>
        <source>Availability (announcing nodes before -&gt; after)</source>
        <translation>Disponibilité (nœuds annonceurs avant -&gt; après)</translation>
    </message>
    <message>
        <source>No prefix is in scope.</source>
        <translation>Aucun préfixe dans la portée.</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risque</translation>
    </message>
    <message>
        <source>None found: other nodes keep announcing every prefix.</source>
        <translation>Aucun trouvé : d&apos;autres nœuds continuent d&apos;annoncer chaque préfixe.</translation>
    </message>
    <message>
        <source>required: why, for the audit log</source>
        <translation>obligatoire : pourquoi, pour le journal d&apos;audit</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Raison :</translation>
    </message>
    <message>
        <source>optional, e.g. CHG-1234</source>
        <translation>facultatif, p. ex. CHG-1234</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Ticket :</translation>
    </message>
    <message>
        <source>&amp;Graceful: announce with 65535:0 and prepends, withdraw once connections have bled off</source>
        <translation>&amp;Progressif : annoncer avec 65535:0 et des prepends, retirer une fois les connexions écoulées</translation>
    </message>
    <message>
        <source>&amp;Immediate: withdraw now</source>
        <translation>&amp;Immédiat : retirer maintenant</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Mode :</translation>
    </message>
    <message>
        <source>&amp;Force: override the fleet guard and withdraw below min_announcing %1</source>
        <translation>&amp;Forcer : outrepasser la garde de flotte et retirer sous min_announcing %1</translation>
    </message>
    <message>
        <source>Type %1 to &amp;confirm:</source>
        <translation>Tapez %1 pour &amp;confirmer :</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Une raison est obligatoire.</translation>
    </message>
    <message>
        <source>The reason %1.</source>
        <translation>Raison : %1.</translation>
    </message>
    <message>
        <source>The ticket %1.</source>
        <translation>Ticket : %1.</translation>
    </message>
    <message>
        <source>This drain is risky: type the node&apos;s name, %1, to confirm.</source>
        <translation>Ce drainage est risqué : tapez le nom du nœud, %1, pour confirmer.</translation>
    </message>
</context>
<context>
    <name>anycast::DrainProgressPanel</name>
    <message>
        <source>No drain sent from this console yet.</source>
        <translation>Aucun drainage envoyé depuis cette console pour l&apos;instant.</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done: withdrawn</source>
        <translation>terminé : retiré</translation>
    </message>
    <message>
        <source>done: announced again</source>
        <translation>terminé : annoncé à nouveau</translation>
    </message>
    <message>
        <source>HELD: in force, but still announced</source>
        <translation>MAINTENU : en vigueur, mais toujours annoncé</translation>
    </message>
    <message>
        <source>REFUSED: nothing changed</source>
        <translation>REFUSÉ : rien n&apos;a changé</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ÉCHEC</translation>
    </message>
    <message>
        <source>○ %1 (pending)</source>
        <translation>○ %1 (en attente)</translation>
    </message>
    <message>
        <source>▶ %1 (now)</source>
        <translation>▶ %1 (en cours)</translation>
    </message>
    <message>
        <source>✔ %1 (done)</source>
        <translation>✔ %1 (terminé)</translation>
    </message>
    <message>
        <source>– %1 (skipped)</source>
        <translation>– %1 (ignoré)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>anycast::EventDock</name>
    <message>
        <source>Events</source>
        <extracomment>Title of the dock that lists every node&apos;s events.</extracomment>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Filter events</source>
        <extracomment>Placeholder of the event dock&apos;s text filter.</extracomment>
        <translation>Filtrer les événements</translation>
    </message>
    <message>
        <source>Follow &amp;latest</source>
        <extracomment>Toggle of the event dock: keep the newest event in sight.</extracomment>
        <translation>Suivre le plus &amp;récent</translation>
    </message>
    <message>
        <source>Keep the newest event in sight. Scrolling up turns this off.</source>
        <translation>Garder l&apos;événement le plus récent visible. Défiler vers le haut désactive cette option.</translation>
    </message>
    <message>
        <source>All kinds</source>
        <extracomment>Event dock filter: no kind filter.</extracomment>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>All nodes</source>
        <extracomment>Event dock filter: no node filter.</extracomment>
        <translation>Tous les nœuds</translation>
    </message>
    <message>
        <source>All regions</source>
        <extracomment>Event dock filter: no region filter.</extracomment>
        <translation>Toutes les régions</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s) shown</source>
        <extracomment>Event dock: rows the filters let through, of all rows.</extracomment>
        <translation>
            <numerusform>%1 sur %n événement affiché</numerusform>
            <numerusform>%1 sur %n événements affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n older event(s) dropped (the console keeps %2 per node, %3 in all)</source>
        <extracomment>Event dock: %1 is the line above; %2 the per-node cap, %3 the fleet-wide one.</extracomment>
        <translation>
            <numerusform>%1 ; %n événement ancien supprimé (la console en garde %2 par nœud, %3 au total)</numerusform>
            <numerusform>%1 ; %n événements anciens supprimés (la console en garde %2 par nœud, %3 au total)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::EventLogModel</name>
    <message>
        <source>Health</source>
        <extracomment>Kind of an agent&apos;s event: a service&apos;s health changed.</extracomment>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Route</source>
        <extracomment>Kind of an agent&apos;s event: a prefix was announced, de-preferred or withdrawn.</extracomment>
        <translation>Route</translation>
    </message>
    <message>
        <source>Probe</source>
        <extracomment>Kind of an agent&apos;s event: a service&apos;s probe started or stopped passing.</extracomment>
        <translation>Sonde</translation>
    </message>
    <message>
        <source>Drain</source>
        <extracomment>Kind of an agent&apos;s event: an operator drained a node or service.</extracomment>
        <translation>Drainage</translation>
    </message>
    <message>
        <source>Undrain</source>
        <extracomment>Kind of an agent&apos;s event: an operator undrained a node or service.</extracomment>
        <translation>Annulation du drainage</translation>
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
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Gap</source>
        <extracomment>Kind column of a row that stands for events the console could not get.</extracomment>
        <translation>Lacune</translation>
    </message>
    <message>
        <source>The agent restarted: events of its previous run after the last one shown may be missing.</source>
        <translation>L&apos;agent a redémarré : des événements de son exécution précédente postérieurs au dernier affiché peuvent manquer.</translation>
    </message>
    <message>
        <source>Event %1 is missing: the agent no longer kept it.</source>
        <translation>L&apos;événement %1 manque : l&apos;agent ne le conservait plus.</translation>
    </message>
    <message>
        <source>Events %1 to %2 are missing: the agent no longer kept them.</source>
        <translation>Les événements %1 à %2 manquent : l&apos;agent ne les conservait plus.</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <extracomment>Tooltip of an event&apos;s time; %1 is the time in UTC.</extracomment>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>Column of the event log: when it happened, in local time.</extracomment>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Column of the event log: health, route, drain, ...</extracomment>
        <translation>Type</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
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
    <name>anycast::FleetDetails</name>
    <message>
        <source>whole node</source>
        <translation>nœud entier</translation>
    </message>
    <message>
        <source>%1: %2 by %3 since %4, reason: %5</source>
        <translation>%1 : %2 par %3 depuis %4, raison : %5</translation>
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
        <source>%1 (%2): %3, fleet-wide %4</source>
        <translation>%1 (%2) : %3, sur la flotte %4</translation>
    </message>
    <message>
        <source>%1; agent: %2</source>
        <translation>%1 ; agent : %2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1 : %2, %3</translation>
    </message>
    <message>
        <source>%1; reasons: %2</source>
        <translation>%1 ; raisons : %2</translation>
    </message>
    <message>
        <source>%1; pending: %2</source>
        <translation>%1 ; en attente : %2</translation>
    </message>
    <message>
        <source>%1; probe ok</source>
        <translation>%1 ; sonde ok</translation>
    </message>
    <message>
        <source>%1; probe failed: %2</source>
        <translation>%1 ; sonde en échec : %2</translation>
    </message>
    <message>
        <source>State: %1, %2</source>
        <translation>État : %1, %2</translation>
    </message>
    <message>
        <source>%1: %2 in this region, %3 fleet-wide</source>
        <translation>%1 : %2 dans cette région, %3 sur la flotte</translation>
    </message>
    <message>
        <source>Nodes not yet named by their agents</source>
        <translation>Nœuds pas encore nommés par leurs agents</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>Région %1</translation>
    </message>
    <message>
        <source>Roll-up: %1</source>
        <translation>Synthèse : %1</translation>
    </message>
    <message>
        <source>Nodes: %1 reachable of %2</source>
        <translation>Nœuds : %1 joignables sur %2</translation>
    </message>
    <message>
        <source>Announcing per prefix:</source>
        <translation>Annonce par préfixe :</translation>
    </message>
    <message>
        <source>none known</source>
        <translation>aucun connu</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>Constats :</translation>
    </message>
    <message>
        <source>%1 is no longer in the inventory.</source>
        <translation>%1 n&apos;est plus dans l&apos;inventaire.</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>Nœud %1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Point d&apos;accès : %1</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Connexion : %1</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>Région : %1</translation>
    </message>
    <message>
        <source>Agent version: %1</source>
        <translation>Version de l&apos;agent : %1</translation>
    </message>
    <message>
        <source>Location: latitude %1, longitude %2</source>
        <translation>Position : latitude %1, longitude %2</translation>
    </message>
    <message>
        <source>Location: not configured</source>
        <translation>Position : non configurée</translation>
    </message>
    <message>
        <source>What follows is the last report, not the current state.</source>
        <translation>Ce qui suit est le dernier rapport, pas l&apos;état actuel.</translation>
    </message>
    <message>
        <source>Operator state: %1</source>
        <translation>État opérateur : %1</translation>
    </message>
    <message>
        <source>Services:</source>
        <translation>Services :</translation>
    </message>
    <message>
        <source>Prefixes:</source>
        <translation>Préfixes :</translation>
    </message>
    <message>
        <source>Drains in force:</source>
        <translation>Drainages en vigueur :</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>unknown (no report yet)</source>
        <translation>inconnu (pas encore de rapport)</translation>
    </message>
    <message>
        <source>Service %1 on %2</source>
        <translation>Service %1 sur %2</translation>
    </message>
    <message>
        <source>Routing: %1</source>
        <translation>Routage : %1</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>Santé : %1</translation>
    </message>
    <message>
        <source>Drain in force: %1</source>
        <translation>Drainage en vigueur : %1</translation>
    </message>
    <message>
        <source>Health: unknown (no report yet)</source>
        <translation>Santé : inconnue (pas encore de rapport)</translation>
    </message>
</context>
<context>
    <name>anycast::FleetStatusStrip</name>
    <message>
        <source>No nodes in the inventory</source>
        <translation>Aucun nœud dans l&apos;inventaire</translation>
    </message>
    <message>
        <source>Nodes: %1 connected, %2 unreachable</source>
        <translation>Nœuds : %1 connectés, %2 injoignables</translation>
    </message>
    <message>
        <source>Unreachable counts every node not connected now: connecting, refused, or down.</source>
        <translation>« Injoignables » compte chaque nœud non connecté actuellement : en connexion, refusé ou en panne.</translation>
    </message>
    <message>
        <source>Prefixes: %1 fully, %2 partly, %3 not announced, %4 unknown</source>
        <translation>Préfixes : %1 entièrement, %2 partiellement, %3 non annoncés, %4 inconnus</translation>
    </message>
    <message>
        <source>Prefixes: %1 fully, %2 partly, %3 not announced</source>
        <translation>Préfixes : %1 entièrement, %2 partiellement, %3 non annoncés</translation>
    </message>
    <message>
        <source>Fully: every node that serves the prefix announces it. Partly: some do. Unknown: every node that serves it is unreachable.</source>
        <translation>Entièrement : chaque nœud qui sert le préfixe l&apos;annonce. Partiellement : certains l&apos;annoncent. Inconnus : chaque nœud qui le sert est injoignable.</translation>
    </message>
    <message>
        <source>No drains in force</source>
        <translation>Aucun drainage en vigueur</translation>
    </message>
    <message>
        <source>Drains in force: %1</source>
        <translation>Drainages en vigueur : %1</translation>
    </message>
</context>
<context>
    <name>anycast::MainWindow</name>
    <message>
        <source>Anycast Console</source>
        <translation>Console anycast</translation>
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
    <message>
        <source>&amp;Fleet</source>
        <extracomment>Tab of the main window: the fleet tree.</extracomment>
        <translation>&amp;Flotte</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <extracomment>Tab of the main window: the announcement map.</extracomment>
        <translation>&amp;Carte</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <extracomment>Tab of the main window: the region charts.</extracomment>
        <translation>&amp;Graphiques</translation>
    </message>
    <message>
        <source>Details</source>
        <extracomment>Title of the dock with the facts about the selected region, node or service.</extracomment>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Filter by region, node, service or prefix</source>
        <translation>Filtrer par région, nœud, service ou préfixe</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Problems only</source>
        <translation>Problèmes uniquement</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>F&amp;iltre :</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Menu of the main window.</extracomment>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <extracomment>Menu of the main window: the views, refresh, find.</extracomment>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <extracomment>Menu of the main window: actions on the selected node or service.</extracomment>
        <translation>&amp;Nœud</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>F&amp;ind in Fleet</source>
        <translation>Rec&amp;hercher dans la flotte</translation>
    </message>
    <message>
        <source>Filter the fleet tree by region, node, service or prefix</source>
        <translation>Filtrer l&apos;arbre de la flotte par région, nœud, service ou préfixe</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>Show every change received so far now</source>
        <translation>Afficher maintenant toutes les modifications reçues jusqu&apos;ici</translation>
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
        <translation>(région pas encore connue)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Map marker label: region, then &quot;N of M announcing&quot;.</extracomment>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n ESTABLISHED connection(s)</source>
        <extracomment>Map marker tooltip: ESTABLISHED connections of the region&apos;s nodes for this prefix.</extracomment>
        <translation>
            <numerusform>%n connexion ESTABLISHED</numerusform>
            <numerusform>%n connexions ESTABLISHED</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, no location</source>
        <extracomment>Beside the map: a region none of whose nodes has a location.</extracomment>
        <translation>%1 : %2, sans position</translation>
    </message>
</context>
<context>
    <name>anycast::MapPage</name>
    <message>
        <source>Not on the map</source>
        <translation>Absents de la carte</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>&amp;Préfixe :</translation>
    </message>
    <message>
        <source>The prefix whose announcements the map shows</source>
        <translation>Le préfixe dont la carte montre les annonces</translation>
    </message>
    <message>
        <source>Nodes the map cannot place: they are still in the fleet tree</source>
        <translation>Nœuds que la carte ne peut pas placer : ils restent dans l’arbre de la flotte</translation>
    </message>
    <message>
        <source>Every node is on the map</source>
        <translation>Tous les nœuds sont sur la carte</translation>
    </message>
    <message numerus="yes">
        <source>Not on the map (%n)</source>
        <translation>
            <numerusform>Absent de la carte (%n)</numerusform>
            <numerusform>Absents de la carte (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::NodeSession</name>
    <message>
        <source>not sent: the link to %1 is not up</source>
        <translation>non envoyé : la liaison vers %1 n&apos;est pas établie</translation>
    </message>
    <message>
        <source>not sent: the link to %1 is not up (%2)</source>
        <translation>non envoyé : la liaison vers %1 n&apos;est pas établie (%2)</translation>
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
    <name>anycast::RegionMapFacts</name>
    <message>
        <source>%1: %2</source>
        <extracomment>Map tooltip line: node name, its route for the selected prefix.</extracomment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <extracomment>Map tooltip line: node name, its route, the agent&apos;s reason.</extracomment>
        <translation>%1 : %2 (%3)</translation>
    </message>
    <message>
        <source>%1: not connected yet</source>
        <extracomment>Beside the map: a node that has not said where it is yet.</extracomment>
        <translation>%1 : pas encore connecté</translation>
    </message>
    <message>
        <source>%1 (%2): no location in its configuration</source>
        <extracomment>Beside the map: node name (region): its agent has no location configured.</extracomment>
        <translation>%1 (%2) : aucune position dans sa configuration</translation>
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
    <message>
        <source>route unknown</source>
        <extracomment>Routing state unknown although the node&apos;s agent answers: no route reported yet.</extracomment>
        <translation>route inconnue</translation>
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
