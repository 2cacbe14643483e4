<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>anycast::MainWindow</name>
    <message>
        <source>Anycast Console</source>
        <translation>Anycast-Konsole</translation>
    </message>
    <message>
        <source>Socket states per region</source>
        <translation>Socket-Zustände je Region</translation>
    </message>
    <message>
        <source>No agents connected</source>
        <translation>Keine Agenten verbunden</translation>
    </message>
</context>
</TS>
