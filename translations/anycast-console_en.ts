<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DrainPlan</name>
    <message numerus="yes">
        <source>%1: %n node(s) serving it cannot be asked; they are not counted.</source>
        <translation>
            <numerusform>%1: %n node serving it cannot be asked; they are not counted.</numerusform>
            <numerusform>%1: %n nodes serving it cannot be asked; they are not counted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrainProgress</name>
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
            <numerusform>%n ESTABLISHED now</numerusform>
            <numerusform>%n ESTABLISHED now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>announces again after %n healthy check(s)</source>
        <translation>
            <numerusform>announces again after %n healthy check</numerusform>
            <numerusform>announces again after %n healthy checks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetRows</name>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n failing</numerusform>
            <numerusform>%n failing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drained or draining</source>
        <translation>
            <numerusform>%n drained or draining</numerusform>
            <numerusform>%n drained or draining</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateWords</name>
    <message numerus="yes">
        <source>reconnecting in %n s</source>
        <translation>
            <numerusform>reconnecting in %n s</numerusform>
            <numerusform>reconnecting in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (retrying in %n s)</source>
        <translation>
            <numerusform>%1: %2 (retrying in %n s)</numerusform>
            <numerusform>%1: %2 (retrying in %n s)</numerusform>
        </translation>
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
    <name>anycast::AuditPage</name>
    <message numerus="yes">
        <source>%n drain(s) in force</source>
        <translation>
            <numerusform>%n drain in force</numerusform>
            <numerusform>%n drains in force</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n stale (in force for more than %2 h)</source>
        <extracomment>Audit view summary; %1 is the line before, %2 the threshold in hours.</extracomment>
        <translation>
            <numerusform>%1; %n stale (in force for more than %2 h)</numerusform>
            <numerusform>%1; %n stale (in force for more than %2 h)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::ChartsPage</name>
    <message numerus="yes">
        <source>Region %1 (%n node(s) summed)</source>
        <extracomment>Charts&apos; selector entry: a region, its nodes summed.</extracomment>
        <translation>
            <numerusform>Region %1 (%n node summed)</numerusform>
            <numerusform>Region %1 (%n nodes summed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::DrainDialog</name>
    <message numerus="yes">
        <source>%n not reporting</source>
        <translation>
            <numerusform>%n not reporting</numerusform>
            <numerusform>%n not reporting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::EventDock</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s) shown</source>
        <extracomment>Event dock: rows the filters let through, of all rows.</extracomment>
        <translation>
            <numerusform>%1 of %n event shown</numerusform>
            <numerusform>%1 of %n events shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n older event(s) dropped (the console keeps %2 per node, %3 in all)</source>
        <extracomment>Event dock: %1 is the line above; %2 the per-node cap, %3 the fleet-wide one.</extracomment>
        <translation>
            <numerusform>%1; %n older event dropped (the console keeps %2 per node, %3 in all)</numerusform>
            <numerusform>%1; %n older events dropped (the console keeps %2 per node, %3 in all)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::MapMarkerFeed</name>
    <message numerus="yes">
        <source>%n ESTABLISHED connection(s)</source>
        <extracomment>Map marker tooltip: ESTABLISHED connections of the region&apos;s nodes for this prefix.</extracomment>
        <translation>
            <numerusform>%n ESTABLISHED connection</numerusform>
            <numerusform>%n ESTABLISHED connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anycast::MapPage</name>
    <message numerus="yes">
        <source>Not on the map (%n)</source>
        <translation>
            <numerusform>Not on the map (%n)</numerusform>
            <numerusform>Not on the map (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
