<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
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
        <source>draining</source>
        <translation>drenando</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>drenado</translation>
    </message>
    <message>
        <source>announced</source>
        <translation>anunciado</translation>
    </message>
    <message>
        <source>de-preferred</source>
        <translation>despreferido</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirado</translation>
    </message>
    <message>
        <source>unknown (unreachable)</source>
        <translation>desconocido (inalcanzable)</translation>
    </message>
    <message>
        <source>reporting</source>
        <translation>informando</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>con fallos</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
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
    <name>anycast::ConnectionListWidget</name>
    <message>
        <source>&lt;h3&gt;Nodes&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Nodos&lt;/h3&gt;</translation>
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
    <name>anycast::MainWindow</name>
    <message>
        <source>Anycast Console</source>
        <translation>Consola anycast</translation>
    </message>
    <message>
        <source>No agents connected</source>
        <translation>Ningún agente conectado</translation>
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
    <message numerus="yes">
        <source>%1 of %n nodes connected</source>
        <translation>
            <numerusform>%1 de %n nodo conectado</numerusform>
            <numerusform>%1 de %n nodos conectados</numerusform>
        </translation>
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
