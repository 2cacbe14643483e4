<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>DrainPlan</name>
    <message>
        <source>%1 on %2</source>
        <extracomment>The target of a drain: a service on a node, e.g. &quot;web on fra-03&quot;.</extracomment>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>No node is selected.</source>
        <translation>No hay ningún nodo seleccionado.</translation>
    </message>
    <message>
        <source>No service is selected.</source>
        <translation>No hay ningún servicio seleccionado.</translation>
    </message>
    <message>
        <source>%1 has not reported yet.</source>
        <translation>%1 aún no ha informado.</translation>
    </message>
    <message>
        <source>%1 has no service named %2.</source>
        <translation>%1 no tiene ningún servicio llamado %2.</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 no está conectado.</translation>
    </message>
    <message>
        <source>The agent lets %1 only read: it will refuse this. Only root and members of its operators_group may drain and undrain.</source>
        <translation>El agente solo permite leer a %1: rechazará esta acción. Solo root y los miembros de su operators_group pueden drenar y deshacer el drenaje.</translation>
    </message>
    <message>
        <source>%1: %2 would announce, below min_announcing %3; the agent&apos;s fleet guard will keep the route (de-preferred) unless forced.</source>
        <translation>%1: %2 lo anunciarían, por debajo de min_announcing %3; la protección de flota del agente mantendrá la ruta (despreferida) salvo que se fuerce.</translation>
    </message>
    <message>
        <source>%1: %2 would announce, below min_announcing %3; the agent has no fleet peers, so its guard will not hold the route.</source>
        <translation>%1: %2 lo anunciarían, por debajo de min_announcing %3; el agente no tiene pares de flota, así que su protección no mantendrá la ruta.</translation>
    </message>
    <message>
        <source>Region %1 has a drain under way: %2.</source>
        <translation>La región %1 tiene un drenaje en curso: %2.</translation>
    </message>
    <message>
        <source>This console has a drain under way in region %1; wait until it has finished.</source>
        <translation>Esta consola tiene un drenaje en curso en la región %1; espere a que termine.</translation>
    </message>
    <message>
        <source>%1: %2 is the last node announcing it in the fleet.</source>
        <translation>%1: %2 es el último nodo de la flota que lo anuncia.</translation>
    </message>
    <message>
        <source>%1: %2 is the last node announcing it in region %3.</source>
        <translation>%1: %2 es el último nodo de la región %3 que lo anuncia.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n node(s) serving it cannot be asked; they are not counted.</source>
        <translation>
            <numerusform>%1: %n nodo que lo sirve no se puede consultar; no se cuenta.</numerusform>
            <numerusform>%1: %n nodos que lo sirven no se pueden consultar; no se cuentan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrainProgress</name>
    <message>
        <source>Drain %1</source>
        <extracomment>Title of a drain in progress: &quot;Drain fra-03&quot; or &quot;Drain web on fra-03&quot;.</extracomment>
        <translation>Drenar %1</translation>
    </message>
    <message>
        <source>Undrain %1</source>
        <extracomment>Title of an undrain in progress.</extracomment>
        <translation>Deshacer el drenaje de %1</translation>
    </message>
    <message>
        <source>sent; waiting for the agent</source>
        <translation>enviado; esperando al agente</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>solicitado</translation>
    </message>
    <message>
        <source>de-preferred (65535:0, prepends)</source>
        <translation>despreferido (65535:0, prepends)</translation>
    </message>
    <message>
        <source>bleeding</source>
        <translation>agotando conexiones</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirado</translation>
    </message>
    <message>
        <source>waiting for healthy checks</source>
        <translation>esperando comprobaciones de salud correctas</translation>
    </message>
    <message>
        <source>announced again</source>
        <translation>anunciado de nuevo</translation>
    </message>
    <message>
        <source>Refused by the agent (permission denied): %1</source>
        <translation>Rechazado por el agente (permiso denegado): %1</translation>
    </message>
    <message>
        <source>Refused by the agent (not persisted, nothing changed): %1</source>
        <translation>Rechazado por el agente (no guardado, nada cambió): %1</translation>
    </message>
    <message>
        <source>Refused by the agent (error %1): %2</source>
        <translation>Rechazado por el agente (error %1): %2</translation>
    </message>
    <message>
        <source>No answer from the agent: %1. Whether it took effect shows in the node&apos;s status.</source>
        <translation>Sin respuesta del agente: %1. El estado del nodo mostrará si tuvo efecto.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>No realizado: %1</translation>
    </message>
    <message numerus="yes">
        <source>communities %1; %n prepend(s)</source>
        <translation>
            <numerusform>communities %1; %n prepend</numerusform>
            <numerusform>communities %1; %n prepends</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ESTABLISHED now</source>
        <translation>
            <numerusform>%n ESTABLISHED ahora</numerusform>
            <numerusform>%n ESTABLISHED ahora</numerusform>
        </translation>
    </message>
    <message>
        <source>Drained, but the agent still announces:
%1</source>
        <translation>Drenado, pero el agente aún anuncia:
%1</translation>
    </message>
    <message numerus="yes">
        <source>announces again after %n healthy check(s)</source>
        <translation>
            <numerusform>anuncia de nuevo tras %n comprobación de salud correcta</numerusform>
            <numerusform>anuncia de nuevo tras %n comprobaciones de salud correctas</numerusform>
        </translation>
    </message>
    <message>
        <source>announces again after the service&apos;s healthy checks</source>
        <translation>anuncia de nuevo tras las comprobaciones de salud correctas del servicio</translation>
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
        <translation>%1 por %2 desde %3 (%4): %5</translation>
    </message>
    <message>
        <source>%1, ticket %2</source>
        <translation>%1, ticket %2</translation>
    </message>
    <message>
        <source>%1, fleet guard overridden</source>
        <translation>%1, protección de flota anulada</translation>
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
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Announcing</source>
        <translation>Anuncio</translation>
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
        <translation>Cola de aceptación</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Last sample</source>
        <translation>Última muestra</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(region not yet known)</source>
        <translation>(región aún desconocida)</translation>
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
            <numerusform>%n con fallos</numerusform>
            <numerusform>%n con fallos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drained or draining</source>
        <translation>
            <numerusform>%n drenado o drenando</numerusform>
            <numerusform>%n drenados o drenando</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 sessions up</source>
        <translation>%1 de %2 sesiones activas</translation>
    </message>
    <message>
        <source>%1 of %2 connected</source>
        <translation>%1 de %2 conectados</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 en %2: %3</translation>
    </message>
    <message>
        <source>%1 (same node as %2)</source>
        <translation>%1 (mismo nodo que %2)</translation>
    </message>
    <message>
        <source>%1
The same node (name and region) answers at %2: two inventory entries reach one agent, or two agents share a configuration.</source>
        <translation>%1
El mismo nodo (nombre y región) responde en %2: dos entradas del inventario llegan a un agente, o dos agentes comparten una configuración.</translation>
    </message>
    <message>
        <source>the ExaBGP bridge is not connected</source>
        <translation>el puente ExaBGP no está conectado</translation>
    </message>
    <message>
        <source>%1 (pending: %2)</source>
        <translation>%1 (pendiente: %2)</translation>
    </message>
    <message>
        <source>%1
probe ok in %2 ms</source>
        <translation>%1
sonda correcta en %2 ms</translation>
    </message>
    <message>
        <source>%1
probe failed</source>
        <translation>%1
sonda fallida</translation>
    </message>
    <message>
        <source>%1:%2 queue %3 of %4</source>
        <translation>%1:%2 cola %3 de %4</translation>
    </message>
    <message>
        <source>%1:%2 queue %3</source>
        <translation>%1:%2 cola %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1
State: %2</source>
        <translation>%1
Estado: %2</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>NodeMoment</name>
    <message>
        <source>%1 some events may be missing here</source>
        <extracomment>Detail at a chart&apos;s moment: a gap in a node&apos;s event log (time).</extracomment>
        <translation>%1 pueden faltar eventos aquí</translation>
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
        <translation>n/d</translation>
    </message>
    <message>
        <source>%1 from %2 to %3 UTC, as the charts drew it:</source>
        <extracomment>Detail at a chart&apos;s moment, heading: node, start and end of the chart&apos;s bucket (UTC).</extracomment>
        <translation>%1 de %2 a %3 UTC, tal como lo dibujaron los gráficos:</translation>
    </message>
    <message>
        <source>no sample of this node in that interval</source>
        <extracomment>Detail at a chart&apos;s moment: the console holds no sample of the node there.</extracomment>
        <translation>ninguna muestra de este nodo en ese intervalo</translation>
    </message>
    <message>
        <source>ESTABLISHED %1, SYN_RECV %2, TIME_WAIT %3, CLOSE_WAIT %4, other %5</source>
        <extracomment>Detail at a chart&apos;s moment: TCP state counts (means over the interval).</extracomment>
        <translation>ESTABLISHED %1, SYN_RECV %2, TIME_WAIT %3, CLOSE_WAIT %4, otros %5</translation>
    </message>
    <message>
        <source>accept queue %1, retransmissions %2, probe latency %3</source>
        <extracomment>Detail at a chart&apos;s moment: the fullest accept queue, retransmissions, probe latency; each argument is a value with its unit, or &quot;n/a&quot;.</extracomment>
        <translation>cola de aceptación %1, retransmisiones %2, latencia de sonda %3</translation>
    </message>
    <message>
        <source>%1 % full</source>
        <translation>%1 % llena</translation>
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
        <translation>Ningún evento de este nodo guardado hasta entonces.</translation>
    </message>
    <message>
        <source>Its last events up to then:</source>
        <extracomment>Detail at a chart&apos;s moment: heading of the node&apos;s last events up to the moment.</extracomment>
        <translation>Sus últimos eventos hasta entonces:</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Unknown host key</source>
        <translation>Clave de host desconocida</translation>
    </message>
    <message>
        <source>Its %1 key has the fingerprint
%2

Compare it with the one the host&apos;s administrator gave you. Accepting adds it to %3.</source>
        <translation>Su clave %1 tiene la huella
%2

Compárela con la que le dio la administración del host. Aceptarla la añade a %3.</translation>
    </message>
    <message>
        <source>Accept and connect</source>
        <translation>Aceptar y conectar</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Frase de contraseña de la clave</translation>
    </message>
    <message>
        <source>Passphrase for %1 (logging in to %2):</source>
        <translation>Frase de contraseña de %1 (inicio de sesión en %2):</translation>
    </message>
    <message>
        <source>Jump host %1 is not in known_hosts.</source>
        <translation>El host de salto %1 no está en known_hosts.</translation>
    </message>
    <message>
        <source>Host %1 is not in known_hosts.</source>
        <translation>El host %1 no está en known_hosts.</translation>
    </message>
</context>
<context>
    <name>StateWords</name>
    <message>
        <source>starting</source>
        <translation>iniciando</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>sano</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>degradado</translation>
    </message>
    <message>
        <source>down</source>
        <translation>caído</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>unknown (unreachable)</source>
        <translation>desconocido (inalcanzable)</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>con fallos</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconectando</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>inalcanzable</translation>
    </message>
    <message>
        <source>host key unknown</source>
        <translation>clave de host desconocida</translation>
    </message>
    <message>
        <source>host key refused</source>
        <translation>clave de host rechazada</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permiso denegado</translation>
    </message>
    <message>
        <source>agent socket unreachable</source>
        <translation>socket del agente inalcanzable</translation>
    </message>
    <message>
        <source>protocol version mismatch</source>
        <translation>versión de protocolo incompatible</translation>
    </message>
    <message numerus="yes">
        <source>reconnecting in %n s</source>
        <translation>
            <numerusform>reconectando en %n s</numerusform>
            <numerusform>reconectando en %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (retrying in %n s)</source>
        <translation>
            <numerusform>%1: %2 (reintento en %n s)</numerusform>
            <numerusform>%1: %2 (reintento en %n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no nodes</source>
        <translation>sin nodos</translation>
    </message>
    <message>
        <source>no node reachable: state unknown</source>
        <translation>ningún nodo alcanzable: estado desconocido</translation>
    </message>
    <message>
        <source>%1 unreachable: its routes are unknown</source>
        <translation>%1 inalcanzable: sus rutas son desconocidas</translation>
    </message>
    <message>
        <source>%1: no node announces it (withdrawn for health)</source>
        <translation>%1: ningún nodo lo anuncia (retirado por salud)</translation>
    </message>
    <message>
        <source>%1: withdrawn by operator drains on every node</source>
        <translation>%1: retirado por drenajes del operador en cada nodo</translation>
    </message>
    <message>
        <source>%1: lost redundancy, %2</source>
        <translation>%1: redundancia perdida, %2</translation>
    </message>
    <message>
        <source>%1 failing its health checks</source>
        <translation>%1 falla sus comprobaciones de salud</translation>
    </message>
    <message>
        <source>%1 drained by an operator</source>
        <translation>%1 drenado por un operador</translation>
    </message>
    <message>
        <source>%1 drained by %2</source>
        <translation>%1 drenado por %2</translation>
    </message>
    <message>
        <source>%1 of %2 announcing (%3 unknown)</source>
        <translation>%1 de %2 anunciando (%3 desconocidos)</translation>
    </message>
    <message>
        <source>%1 of %2 announcing</source>
        <translation>%1 de %2 anunciando</translation>
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
        <translation>OBSOLETO: vigente desde hace %1</translation>
    </message>
    <message>
        <source>In force for %1</source>
        <extracomment>Audit view: the drain still holds; %1 how long it has held (&quot;3 h&quot;).</extracomment>
        <translation>Vigente desde hace %1</translation>
    </message>
    <message>
        <source>Replaced by a later drain</source>
        <translation>Sustituido por un drenaje posterior</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Finalizado</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Aplicado</translation>
    </message>
    <message>
        <source>Unknown: no status from the node</source>
        <translation>Desconocido: sin estado del nodo</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>Drenaje</translation>
    </message>
    <message>
        <source>Undrain</source>
        <translation>Deshacer el drenaje</translation>
    </message>
    <message>
        <source>whole node</source>
        <extracomment>Audit view: the target of a drain that is not one service.</extracomment>
        <translation>nodo completo</translation>
    </message>
    <message>
        <source>graceful</source>
        <translation>gradual</translation>
    </message>
    <message>
        <source>immediate</source>
        <translation>inmediato</translation>
    </message>
    <message>
        <source>%1, fleet guard overridden</source>
        <extracomment>Audit view: a drain that overrode the fleet guard; %1 is its mode.</extracomment>
        <translation>%1, protección de flota anulada</translation>
    </message>
    <message>
        <source>Held in the node&apos;s status (the event is older than the agent keeps)</source>
        <translation>Registrado en el estado del nodo (el evento es más antiguo de lo que conserva el agente)</translation>
    </message>
    <message>
        <source>%1 (audit record %2)</source>
        <extracomment>Audit view: the agent&apos;s answer; %2 the id of its audit record.</extracomment>
        <translation>%1 (registro de auditoría %2)</translation>
    </message>
    <message>
        <source>%1; warning: %2</source>
        <translation>%1; aviso: %2</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <extracomment>Tooltip of a time in the audit view; %1 is the time in UTC.</extracomment>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Who</source>
        <extracomment>Column of the audit view: the operator who drained or undrained.</extracomment>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Agent&apos;s answer</source>
        <extracomment>Column of the audit view: what the agent answered the operator.</extracomment>
        <translation>Respuesta del agente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>anycast::AuditPage</name>
    <message>
        <source>Stale after:</source>
        <extracomment>Audit view: the threshold after which a drain in force is flagged stale.</extracomment>
        <translation>Obsoleto tras:</translation>
    </message>
    <message>
        <source> h</source>
        <extracomment>Unit of the stale threshold (hours).</extracomment>
        <translation> h</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>No drains or undrains seen yet.</source>
        <translation>Aún no se han visto drenajes ni drenajes deshechos.</translation>
    </message>
    <message numerus="yes">
        <source>%n drain(s) in force</source>
        <translation>
            <numerusform>%n drenaje vigente</numerusform>
            <numerusform>%n drenajes vigentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n stale (in force for more than %2 h)</source>
        <extracomment>Audit view summary; %1 is the line before, %2 the threshold in hours.</extracomment>
        <translation>
            <numerusform>%1; %n obsoleto (vigente desde hace más de %2 h)</numerusform>
            <numerusform>%1; %n obsoletos (vigentes desde hace más de %2 h)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit rows</source>
        <translation>Exportar las filas de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <extracomment>File type filter of the CSV export dialog.</extracomment>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
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
        <translation>otros</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <extracomment>Label of the charts&apos; selector of a region or a node.</extracomment>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>Window:</source>
        <extracomment>Label of the charts&apos; time window buttons.</extracomment>
        <translation>Ventana:</translation>
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
        <translation>Marcadores: ▼ drenaje   ▲ deshacer el drenaje   ◆ cambio de ruta</translation>
    </message>
    <message>
        <source>TCP connections by state (stacked)</source>
        <extracomment>Chart title.</extracomment>
        <translation>Conexiones TCP por estado (apiladas)</translation>
    </message>
    <message>
        <source>connections</source>
        <extracomment>Unit of a chart&apos;s y axis.</extracomment>
        <translation>conexiones</translation>
    </message>
    <message>
        <source>Accept queue fill of the fullest listener, % of its backlog</source>
        <extracomment>Chart title.</extracomment>
        <translation>Llenado de la cola de aceptación del listener más lleno, % de su backlog</translation>
    </message>
    <message>
        <source>%</source>
        <extracomment>Unit of a chart&apos;s y axis.</extracomment>
        <translation>%</translation>
    </message>
    <message>
        <source>TCP retransmissions per second</source>
        <extracomment>Chart title.</extracomment>
        <translation>Retransmisiones TCP por segundo</translation>
    </message>
    <message>
        <source>per s</source>
        <extracomment>Unit of a chart&apos;s y axis.</extracomment>
        <translation>por s</translation>
    </message>
    <message>
        <source>Probe latency of successful probes, ms</source>
        <extracomment>Chart title.</extracomment>
        <translation>Latencia de las sondas correctas, ms</translation>
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
            <numerusform>Región %1 (%n nodo sumado)</numerusform>
            <numerusform>Región %1 (%n nodos sumados)</numerusform>
        </translation>
    </message>
    <message>
        <source>    Node %1</source>
        <extracomment>Charts&apos; selector entry: one node, under its region.</extracomment>
        <translation>    Nodo %1</translation>
    </message>
    <message>
        <source>No data: no node has reported yet</source>
        <extracomment>Shown on a chart when the chosen region or node has no samples in the window.</extracomment>
        <translation>Sin datos: ningún nodo ha informado aún</translation>
    </message>
    <message>
        <source>No data: no samples in this window</source>
        <translation>Sin datos: no hay muestras en esta ventana</translation>
    </message>
    <message>
        <source>No data: the samples carry no listener backlog</source>
        <extracomment>Shown on the accept queue chart when the samples have no listener&apos;s backlog.</extracomment>
        <translation>Sin datos: las muestras no incluyen el backlog del listener</translation>
    </message>
    <message>
        <source>No data: the samples carry no retransmission counts</source>
        <extracomment>Shown on the retransmissions chart when the samples have no TCP_INFO totals.</extracomment>
        <translation>Sin datos: las muestras no incluyen recuentos de retransmisiones</translation>
    </message>
    <message>
        <source>No data: no successful probe in this window</source>
        <extracomment>Shown on the probe latency chart when no probe succeeded (or none is set up).</extracomment>
        <translation>Sin datos: ninguna sonda correcta en esta ventana</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no data</source>
        <translation>%1: sin datos</translation>
    </message>
    <message>
        <source>Accept queue, % of backlog</source>
        <extracomment>Hover text of the accept queue chart.</extracomment>
        <translation>Cola de aceptación, % del backlog</translation>
    </message>
    <message>
        <source>Retransmissions per second</source>
        <extracomment>Hover text of the retransmissions chart.</extracomment>
        <translation>Retransmisiones por segundo</translation>
    </message>
    <message>
        <source>Probe latency, ms</source>
        <extracomment>Hover text of the probe latency chart.</extracomment>
        <translation>Latencia de sonda, ms</translation>
    </message>
    <message>
        <source>Click: the node contributing most at this time</source>
        <extracomment>Hover text of a region&apos;s chart: what a click does.</extracomment>
        <translation>Clic: el nodo que más aporta en este momento</translation>
    </message>
</context>
<context>
    <name>anycast::DetailPanel</name>
    <message>
        <source>Select a region, node or service in the fleet tree to see its details.</source>
        <translation>Seleccione una región, un nodo o un servicio en el árbol de la flota para ver sus detalles.</translation>
    </message>
    <message>
        <source>%1

Now:
%2</source>
        <extracomment>Detail panel: the node at a clicked chart moment above its live facts; the arguments are those two texts.</extracomment>
        <translation>%1

Ahora:
%2</translation>
    </message>
</context>
<context>
    <name>anycast::DrainController</name>
    <message>
        <source>&amp;Drain…</source>
        <translation>&amp;Drenar…</translation>
    </message>
    <message>
        <source>&amp;Undrain…</source>
        <translation>Deshacer el dre&amp;naje…</translation>
    </message>
    <message>
        <source>Withdraw the selected node&apos;s or service&apos;s routes, gracefully (BGP sessions stay up)</source>
        <translation>Retirar de forma gradual las rutas del nodo o servicio seleccionado (las sesiones BGP siguen activas)</translation>
    </message>
    <message>
        <source>Announce the selected node&apos;s or service&apos;s routes again</source>
        <translation>Anunciar de nuevo las rutas del nodo o servicio seleccionado</translation>
    </message>
    <message>
        <source>Drains</source>
        <extracomment>Title of the dock that lists the drains sent from this console and their phases.</extracomment>
        <translation>Drenajes</translation>
    </message>
    <message>
        <source>the node has left the inventory</source>
        <translation>el nodo ha salido del inventario</translation>
    </message>
    <message>
        <source>not sent: this console has a drain under way in region %1</source>
        <translation>no enviado: esta consola tiene un drenaje en curso en la región %1</translation>
    </message>
</context>
<context>
    <name>anycast::DrainDialog</name>
    <message>
        <source>Drain %1</source>
        <translation>Drenar %1</translation>
    </message>
    <message>
        <source>Undrain %1</source>
        <translation>Deshacer el drenaje de %1</translation>
    </message>
    <message>
        <source>Drain %1 (region %2)</source>
        <translation>Drenar %1 (región %2)</translation>
    </message>
    <message>
        <source>Undrain %1 (region %2)</source>
        <translation>Deshacer el drenaje de %1 (región %2)</translation>
    </message>
    <message>
        <source>BGP sessions stay up: the node withdraws its routes, it does not close its sessions.</source>
        <translation>Las sesiones BGP siguen activas: el nodo retira sus rutas, no cierra sus sesiones.</translation>
    </message>
    <message>
        <source>BGP sessions stayed up while drained: the routes are announced again once the service passes its healthy checks.</source>
        <translation>Las sesiones BGP siguieron activas durante el drenaje: las rutas se anuncian de nuevo en cuanto el servicio supera sus comprobaciones de salud.</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Service %1 on node %2 in region %3
Prefixes: %4</source>
        <translation>Servicio %1 en el nodo %2 de la región %3
Prefijos: %4</translation>
    </message>
    <message>
        <source>Node %1 in region %2, every service (%3)
Prefixes: %4</source>
        <translation>Nodo %1 de la región %2, todos los servicios (%3)
Prefijos: %4</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; %3 nodes</source>
        <extracomment>Availability of a prefix: announcing nodes before -&gt; after the drain.</extracomment>
        <translation>%1: %2 -&gt; %3 nodos</translation>
    </message>
    <message>
        <source>region %1 %2 -&gt; %3</source>
        <translation>región %1 %2 -&gt; %3</translation>
    </message>
    <message>
        <source>region %1 %2</source>
        <translation>región %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n not reporting</source>
        <translation>
            <numerusform>%n no informa</numerusform>
            <numerusform>%n no informan</numerusform>
        </translation>
    </message>
    <message>
        <source>Availability (announcing nodes before -&gt; after)</source>
        <translation>Disponibilidad (nodos que anuncian antes -&gt; después)</translation>
    </message>
    <message>
        <source>No prefix is in scope.</source>
        <translation>Ningún prefijo en el alcance.</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>None found: other nodes keep announcing every prefix.</source>
        <translation>Ninguno encontrado: otros nodos siguen anunciando cada prefijo.</translation>
    </message>
    <message>
        <source>required: why, for the audit log</source>
        <translation>obligatorio: por qué, para el registro de auditoría</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>optional, e.g. CHG-1234</source>
        <translation>opcional, p. ej. CHG-1234</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Ticket:</translation>
    </message>
    <message>
        <source>&amp;Graceful: announce with 65535:0 and prepends, withdraw once connections have bled off</source>
        <translation>&amp;Gradual: anunciar con 65535:0 y prepends, retirar cuando las conexiones se hayan agotado</translation>
    </message>
    <message>
        <source>&amp;Immediate: withdraw now</source>
        <translation>&amp;Inmediato: retirar ahora</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modo:</translation>
    </message>
    <message>
        <source>&amp;Force: override the fleet guard and withdraw below min_announcing %1</source>
        <translation>&amp;Forzar: anular la protección de flota y retirar por debajo de min_announcing %1</translation>
    </message>
    <message>
        <source>Type %1 to &amp;confirm:</source>
        <translation>Escriba %1 para &amp;confirmar:</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Se requiere un motivo.</translation>
    </message>
    <message>
        <source>The reason %1.</source>
        <translation>Motivo: %1.</translation>
    </message>
    <message>
        <source>The ticket %1.</source>
        <translation>Ticket: %1.</translation>
    </message>
    <message>
        <source>This drain is risky: type the node&apos;s name, %1, to confirm.</source>
        <translation>Este drenaje es arriesgado: escriba el nombre del nodo, %1, para confirmar.</translation>
    </message>
</context>
<context>
    <name>anycast::DrainProgressPanel</name>
    <message>
        <source>No drain sent from this console yet.</source>
        <translation>Aún no se ha enviado ningún drenaje desde esta consola.</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>done: withdrawn</source>
        <translation>hecho: retirado</translation>
    </message>
    <message>
        <source>done: announced again</source>
        <translation>hecho: anunciado de nuevo</translation>
    </message>
    <message>
        <source>HELD: in force, but still announced</source>
        <translation>RETENIDO: vigente, pero aún anunciado</translation>
    </message>
    <message>
        <source>REFUSED: nothing changed</source>
        <translation>RECHAZADO: nada cambió</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FALLIDO</translation>
    </message>
    <message>
        <source>○ %1 (pending)</source>
        <translation>○ %1 (pendiente)</translation>
    </message>
    <message>
        <source>▶ %1 (now)</source>
        <translation>▶ %1 (ahora)</translation>
    </message>
    <message>
        <source>✔ %1 (done)</source>
        <translation>✔ %1 (hecho)</translation>
    </message>
    <message>
        <source>– %1 (skipped)</source>
        <translation>– %1 (omitido)</translation>
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
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Filter events</source>
        <extracomment>Placeholder of the event dock&apos;s text filter.</extracomment>
        <translation>Filtrar eventos</translation>
    </message>
    <message>
        <source>Follow &amp;latest</source>
        <extracomment>Toggle of the event dock: keep the newest event in sight.</extracomment>
        <translation>Seguir el más &amp;reciente</translation>
    </message>
    <message>
        <source>Keep the newest event in sight. Scrolling up turns this off.</source>
        <translation>Mantener visible el evento más reciente. Desplazarse hacia arriba lo desactiva.</translation>
    </message>
    <message>
        <source>All kinds</source>
        <extracomment>Event dock filter: no kind filter.</extracomment>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>All nodes</source>
        <extracomment>Event dock filter: no node filter.</extracomment>
        <translation>Todos los nodos</translation>
    </message>
    <message>
        <source>All regions</source>
        <extracomment>Event dock filter: no region filter.</extracomment>
        <translation>Todas las regiones</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s) shown</source>
        <extracomment>Event dock: rows the filters let through, of all rows.</extracomment>
        <translation>
            <numerusform>%1 de %n evento mostrado</numerusform>
            <numerusform>%1 de %n eventos mostrados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n older event(s) dropped (the console keeps %2 per node, %3 in all)</source>
        <extracomment>Event dock: %1 is the line above; %2 the per-node cap, %3 the fleet-wide one.</extracomment>
        <translation>
            <numerusform>%1; %n evento antiguo descartado (la consola guarda %2 por nodo, %3 en total)</numerusform>
            <numerusform>%1; %n eventos antiguos descartados (la consola guarda %2 por nodo, %3 en total)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::EventLogModel</name>
    <message>
        <source>Health</source>
        <extracomment>Kind of an agent&apos;s event: a service&apos;s health changed.</extracomment>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Route</source>
        <extracomment>Kind of an agent&apos;s event: a prefix was announced, de-preferred or withdrawn.</extracomment>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Probe</source>
        <extracomment>Kind of an agent&apos;s event: a service&apos;s probe started or stopped passing.</extracomment>
        <translation>Sonda</translation>
    </message>
    <message>
        <source>Drain</source>
        <extracomment>Kind of an agent&apos;s event: an operator drained a node or service.</extracomment>
        <translation>Drenaje</translation>
    </message>
    <message>
        <source>Undrain</source>
        <extracomment>Kind of an agent&apos;s event: an operator undrained a node or service.</extracomment>
        <translation>Deshacer el drenaje</translation>
    </message>
    <message>
        <source>BGP</source>
        <extracomment>Kind of an agent&apos;s event: a BGP session changed.</extracomment>
        <translation>BGP</translation>
    </message>
    <message>
        <source>Fleet</source>
        <extracomment>Kind of an agent&apos;s event: a fleet peer became reachable or stopped answering.</extracomment>
        <translation>Flota</translation>
    </message>
    <message>
        <source>Config</source>
        <extracomment>Kind of an agent&apos;s event: the configuration was reloaded (or a reload refused).</extracomment>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Gap</source>
        <extracomment>Kind column of a row that stands for events the console could not get.</extracomment>
        <translation>Hueco</translation>
    </message>
    <message>
        <source>The agent restarted: events of its previous run after the last one shown may be missing.</source>
        <translation>El agente se reinició: pueden faltar eventos de su ejecución anterior posteriores al último mostrado.</translation>
    </message>
    <message>
        <source>Event %1 is missing: the agent no longer kept it.</source>
        <translation>Falta el evento %1: el agente ya no lo conservaba.</translation>
    </message>
    <message>
        <source>Events %1 to %2 are missing: the agent no longer kept them.</source>
        <translation>Faltan los eventos %1 a %2: el agente ya no los conservaba.</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <extracomment>Tooltip of an event&apos;s time; %1 is the time in UTC.</extracomment>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>Column of the event log: when it happened, in local time.</extracomment>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Column of the event log: health, route, drain, ...</extracomment>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>anycast::FirstRunWidget</name>
    <message>
        <source>&lt;h2&gt;No fleet yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Todavía no hay flota&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>The console reads its nodes from &lt;b&gt;%1&lt;/b&gt;. Write that file (or start the console with &lt;tt&gt;--inventory FILE&lt;/tt&gt;); changes are picked up while it runs.</source>
        <translation>La consola lee sus nodos de &lt;b&gt;%1&lt;/b&gt;. Escriba ese archivo (o inicie la consola con &lt;tt&gt;--inventory ARCHIVO&lt;/tt&gt;); los cambios se aplican mientras se ejecuta.</translation>
    </message>
    <message>
        <source>For example:</source>
        <translation>Por ejemplo:</translation>
    </message>
    <message>
        <source>Use the agent on this machine (%1)</source>
        <translation>Usar el agente de esta máquina (%1)</translation>
    </message>
</context>
<context>
    <name>anycast::FleetDetails</name>
    <message>
        <source>whole node</source>
        <translation>nodo completo</translation>
    </message>
    <message>
        <source>%1: %2 by %3 since %4, reason: %5</source>
        <translation>%1: %2 por %3 desde %4, motivo: %5</translation>
    </message>
    <message>
        <source>%1, ticket %2</source>
        <translation>%1, ticket %2</translation>
    </message>
    <message>
        <source>%1, fleet guard overridden</source>
        <translation>%1, protección de flota anulada</translation>
    </message>
    <message>
        <source>%1 (%2): %3, fleet-wide %4</source>
        <translation>%1 (%2): %3, en toda la flota %4</translation>
    </message>
    <message>
        <source>%1; agent: %2</source>
        <translation>%1; agente: %2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>%1; reasons: %2</source>
        <translation>%1; motivos: %2</translation>
    </message>
    <message>
        <source>%1; pending: %2</source>
        <translation>%1; pendiente: %2</translation>
    </message>
    <message>
        <source>%1; probe ok</source>
        <translation>%1; sonda correcta</translation>
    </message>
    <message>
        <source>%1; probe failed: %2</source>
        <translation>%1; sonda fallida: %2</translation>
    </message>
    <message>
        <source>State: %1, %2</source>
        <translation>Estado: %1, %2</translation>
    </message>
    <message>
        <source>%1: %2 in this region, %3 fleet-wide</source>
        <translation>%1: %2 en esta región, %3 en toda la flota</translation>
    </message>
    <message>
        <source>Nodes not yet named by their agents</source>
        <translation>Nodos que sus agentes aún no han nombrado</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>Región %1</translation>
    </message>
    <message>
        <source>Roll-up: %1</source>
        <translation>Resumen: %1</translation>
    </message>
    <message>
        <source>Nodes: %1 reachable of %2</source>
        <translation>Nodos: %1 alcanzables de %2</translation>
    </message>
    <message>
        <source>Announcing per prefix:</source>
        <translation>Anuncio por prefijo:</translation>
    </message>
    <message>
        <source>none known</source>
        <translation>ninguno conocido</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>Hallazgos:</translation>
    </message>
    <message>
        <source>%1 is no longer in the inventory.</source>
        <translation>%1 ya no está en el inventario.</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>Nodo %1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Punto de acceso: %1</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Conexión: %1</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>Región: %1</translation>
    </message>
    <message>
        <source>Agent version: %1</source>
        <translation>Versión del agente: %1</translation>
    </message>
    <message>
        <source>Location: latitude %1, longitude %2</source>
        <translation>Ubicación: latitud %1, longitud %2</translation>
    </message>
    <message>
        <source>Location: not configured</source>
        <translation>Ubicación: no configurada</translation>
    </message>
    <message>
        <source>What follows is the last report, not the current state.</source>
        <translation>Lo que sigue es el último informe, no el estado actual.</translation>
    </message>
    <message>
        <source>Operator state: %1</source>
        <translation>Estado del operador: %1</translation>
    </message>
    <message>
        <source>Services:</source>
        <translation>Servicios:</translation>
    </message>
    <message>
        <source>Prefixes:</source>
        <translation>Prefijos:</translation>
    </message>
    <message>
        <source>Drains in force:</source>
        <translation>Drenajes vigentes:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>unknown (no report yet)</source>
        <translation>desconocido (aún sin informe)</translation>
    </message>
    <message>
        <source>Service %1 on %2</source>
        <translation>Servicio %1 en %2</translation>
    </message>
    <message>
        <source>Routing: %1</source>
        <translation>Enrutamiento: %1</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>Salud: %1</translation>
    </message>
    <message>
        <source>Drain in force: %1</source>
        <translation>Drenaje vigente: %1</translation>
    </message>
    <message>
        <source>Health: unknown (no report yet)</source>
        <translation>Salud: desconocida (aún sin informe)</translation>
    </message>
</context>
<context>
    <name>anycast::FleetStatusStrip</name>
    <message>
        <source>No nodes in the inventory</source>
        <translation>No hay nodos en el inventario</translation>
    </message>
    <message>
        <source>Nodes: %1 connected, %2 unreachable</source>
        <translation>Nodos: %1 conectados, %2 inalcanzables</translation>
    </message>
    <message>
        <source>Unreachable counts every node not connected now: connecting, refused, or down.</source>
        <translation>«Inalcanzables» cuenta cada nodo no conectado ahora: conectando, rechazado o caído.</translation>
    </message>
    <message>
        <source>Prefixes: %1 fully, %2 partly, %3 not announced, %4 unknown</source>
        <translation>Prefijos: %1 totalmente, %2 parcialmente, %3 no anunciados, %4 desconocidos</translation>
    </message>
    <message>
        <source>Prefixes: %1 fully, %2 partly, %3 not announced</source>
        <translation>Prefijos: %1 totalmente, %2 parcialmente, %3 no anunciados</translation>
    </message>
    <message>
        <source>Fully: every node that serves the prefix announces it. Partly: some do. Unknown: every node that serves it is unreachable.</source>
        <translation>Totalmente: cada nodo que sirve el prefijo lo anuncia. Parcialmente: algunos lo hacen. Desconocidos: cada nodo que lo sirve es inalcanzable.</translation>
    </message>
    <message>
        <source>No drains in force</source>
        <translation>Ningún drenaje vigente</translation>
    </message>
    <message>
        <source>Drains in force: %1</source>
        <translation>Drenajes vigentes: %1</translation>
    </message>
</context>
<context>
    <name>anycast::MainWindow</name>
    <message>
        <source>Anycast Console</source>
        <translation>Consola anycast</translation>
    </message>
    <message>
        <source>Inventory: %1</source>
        <translation>Inventario: %1</translation>
    </message>
    <message>
        <source>Inventory not reloaded: %1</source>
        <translation>Inventario no recargado: %1</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventario</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>No se puede crear %1: %2</translation>
    </message>
    <message>
        <source>&amp;Fleet</source>
        <extracomment>Tab of the main window: the fleet tree.</extracomment>
        <translation>&amp;Flota</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <extracomment>Tab of the main window: the announcement map.</extracomment>
        <translation>&amp;Mapa</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <extracomment>Tab of the main window: the region charts.</extracomment>
        <translation>&amp;Gráficos</translation>
    </message>
    <message>
        <source>Details</source>
        <extracomment>Title of the dock with the facts about the selected region, node or service.</extracomment>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Filter by region, node, service or prefix</source>
        <translation>Filtrar por región, nodo, servicio o prefijo</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Problems only</source>
        <translation>Solo problemas</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>F&amp;iltro:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Menu of the main window.</extracomment>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <extracomment>Menu of the main window: the views, refresh, find.</extracomment>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <extracomment>Menu of the main window: actions on the selected node or service.</extracomment>
        <translation>&amp;Nodo</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>F&amp;ind in Fleet</source>
        <translation>&amp;Buscar en la flota</translation>
    </message>
    <message>
        <source>Filter the fleet tree by region, node, service or prefix</source>
        <translation>Filtrar el árbol de la flota por región, nodo, servicio o prefijo</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualizar</translation>
    </message>
    <message>
        <source>Show every change received so far now</source>
        <translation>Mostrar ahora todos los cambios recibidos hasta el momento</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <extracomment>Tab of the main window: drains and undrains across the fleet.</extracomment>
        <translation>A&amp;uditoría</translation>
    </message>
</context>
<context>
    <name>anycast::MapMarkerFeed</name>
    <message>
        <source>(region not yet known)</source>
        <translation>(región aún desconocida)</translation>
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
            <numerusform>%n conexión ESTABLISHED</numerusform>
            <numerusform>%n conexiones ESTABLISHED</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, no location</source>
        <extracomment>Beside the map: a region none of whose nodes has a location.</extracomment>
        <translation>%1: %2, sin ubicación</translation>
    </message>
</context>
<context>
    <name>anycast::MapPage</name>
    <message>
        <source>Not on the map</source>
        <translation>Fuera del mapa</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>&amp;Prefijo:</translation>
    </message>
    <message>
        <source>The prefix whose announcements the map shows</source>
        <translation>El prefijo cuyos anuncios muestra el mapa</translation>
    </message>
    <message>
        <source>Nodes the map cannot place: they are still in the fleet tree</source>
        <translation>Nodos que el mapa no puede situar: siguen en el árbol de la flota</translation>
    </message>
    <message>
        <source>Every node is on the map</source>
        <translation>Todos los nodos están en el mapa</translation>
    </message>
    <message numerus="yes">
        <source>Not on the map (%n)</source>
        <translation>
            <numerusform>Fuera del mapa (%n)</numerusform>
            <numerusform>Fuera del mapa (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::NodeSession</name>
    <message>
        <source>not sent: the link to %1 is not up</source>
        <translation>no enviado: el enlace con %1 no está activo</translation>
    </message>
    <message>
        <source>not sent: the link to %1 is not up (%2)</source>
        <translation>no enviado: el enlace con %1 no está activo (%2)</translation>
    </message>
</context>
<context>
    <name>anycast::PrefixModel</name>
    <message>
        <source>Prefix</source>
        <translation>Prefijo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Announcing</source>
        <translation>Anuncio</translation>
    </message>
    <message>
        <source>ESTABLISHED</source>
        <translation>ESTABLISHED</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>(region not yet known)</source>
        <translation>(región aún desconocida)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>no location: %1</source>
        <translation>sin ubicación: %1</translation>
    </message>
    <message>
        <source>%1, lost redundancy</source>
        <translation>%1, redundancia perdida</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 en %2</translation>
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
        <translation>%1: aún no conectado</translation>
    </message>
    <message>
        <source>%1 (%2): no location in its configuration</source>
        <extracomment>Beside the map: node name (region): its agent has no location configured.</extracomment>
        <translation>%1 (%2): sin ubicación en su configuración</translation>
    </message>
</context>
<context>
    <name>anycast::StateLegend</name>
    <message>
        <source>Legend</source>
        <translation>Leyenda</translation>
    </message>
    <message>
        <source>Shape: what is observed</source>
        <translation>Forma: lo que se observa</translation>
    </message>
    <message>
        <source>Fill: routing state</source>
        <translation>Relleno: estado de enrutamiento</translation>
    </message>
</context>
<context>
    <name>anycast::StateStyle</name>
    <message>
        <source>reporting</source>
        <extracomment>What the console observes: the node&apos;s checks answer (drawn as a circle).</extracomment>
        <translation>informa</translation>
    </message>
    <message>
        <source>failing</source>
        <extracomment>What the console observes: the node&apos;s checks say it is down (drawn as a diamond).</extracomment>
        <translation>con fallos</translation>
    </message>
    <message>
        <source>no data</source>
        <extracomment>What the console observes: nothing answers (drawn as a square).</extracomment>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>announced</source>
        <extracomment>Routing state of a prefix: the route is announced over BGP.</extracomment>
        <translation>anunciada</translation>
    </message>
    <message>
        <source>de-preferred</source>
        <extracomment>Routing state: still announced, but made less attractive (MED, AS path prepends).</extracomment>
        <translation>despriorizada</translation>
    </message>
    <message>
        <source>redundancy lost</source>
        <extracomment>Routing state of a region: fewer of its nodes announce than it has; a warning.</extracomment>
        <translation>redundancia perdida</translation>
    </message>
    <message>
        <source>draining</source>
        <extracomment>Routing state: an operator&apos;s drain is in progress, connections are leaving.</extracomment>
        <translation>vaciándose</translation>
    </message>
    <message>
        <source>drained</source>
        <extracomment>Routing state: an operator&apos;s drain is complete; withdrawn on purpose, not down.</extracomment>
        <translation>vaciada</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <extracomment>Routing state: the route is withdrawn because the service failed.</extracomment>
        <translation>retirada</translation>
    </message>
    <message>
        <source>unreachable</source>
        <extracomment>Routing state unknown: the console cannot reach the node&apos;s agent.</extracomment>
        <translation>inalcanzable</translation>
    </message>
    <message>
        <source>route unknown</source>
        <extracomment>Routing state unknown although the node&apos;s agent answers: no route reported yet.</extracomment>
        <translation>ruta desconocida</translation>
    </message>
</context>
<context>
    <name>anycast::WorldMapView</name>
    <message>
        <source>Announcement map</source>
        <translation>Mapa de anuncios</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Map marker tooltip, first line: routing state word, then what is observed.</extracomment>
        <translation>%1, %2</translation>
    </message>
</context>
</TS>
