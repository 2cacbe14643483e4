#include "agent/sampler/ProcSampler.h"

#include "agent/sampler/ProcNetTcpParser.h"

#include <QDateTime>

#include <algorithm>
#include <cerrno>
#include <chrono>

namespace anycast {
namespace {

ListenerStats listenerFrom(const ProcTcpEntry &entry)
{
    ListenerStats listener;
    listener.address = localAddressText(entry);
    listener.port = entry.localPort;
    // For LISTEN sockets the kernel prints sk_ack_backlog as rx_queue. Its limit is not in
    // /proc, so backlog stays unknown.
    listener.acceptQueue = entry.rxQueue;
    return listener;
}

QString malformedWarning(const QString &path, const ProcNetTcpReadSummary &summary)
{
    // One multi-argument arg(): a '%' in the path or the quoted line must stay as it is.
    return QStringLiteral("%1: %2 malformed %3 skipped; first: %4")
        .arg(path, QString::number(summary.malformed),
             summary.malformed == 1 ? QStringLiteral("line") : QStringLiteral("lines"),
             summary.firstErrors.value(0));
}

// Feeds every socket of ROOT/net/tcp, then ROOT/net/tcp6, to `onEntry`. A missing tcp6 means
// IPv6 is disabled, not that something is wrong. Malformed lines become `warnings` when the
// caller has somewhere to put them.
Result<bool> readTables(ProcNetTcpReader &reader, const QString &procRoot,
                        const ProcNetTcpReader::EntryHandler &onEntry, QStringList *warnings)
{
    for (const bool ipv6 : {false, true}) {
        const QString path =
            procRoot + (ipv6 ? QStringLiteral("/net/tcp6") : QStringLiteral("/net/tcp"));
        const auto summary = reader.read(path, ipv6, onEntry);
        if (!summary) {
            if (ipv6 && reader.lastErrno() == ENOENT)
                continue;
            return Result<bool>::failure(summary.error());
        }
        if (warnings && summary->malformed > 0)
            warnings->append(malformedWarning(path, summary.value()));
    }
    return Result<bool>::success(true);
}

} // namespace

ProcSampler::ProcSampler(PortMap portMap, QString procRoot)
    : m_portMap(std::move(portMap))
    , m_procRoot(std::move(procRoot))
    , m_aggregator(m_portMap)
{}

Result<ListenerSample> ProcSampler::sampleListeners()
{
    const auto start = std::chrono::steady_clock::now();
    ListenerSample sample = emptyListenerSample(m_portMap, name());
    if (m_portMap.allPorts().empty())
        return Result<ListenerSample>::success(std::move(sample));

    const auto visit = [&](const ProcTcpEntry &entry) {
        if (entry.state != TcpState::Listen)
            return;
        const std::int16_t service = m_portMap.serviceOf(entry.localPort);
        if (service != PortMap::kNoService)
            sample.services[service].listeners.append(listenerFrom(entry));
    };
    if (auto read = readTables(m_reader, m_procRoot, visit, nullptr); !read)
        return Result<ListenerSample>::failure(read.error());

    finishListenerSample(sample, start);
    return Result<ListenerSample>::success(std::move(sample));
}

Result<SocketSample> ProcSampler::sampleSockets()
{
    const auto start = std::chrono::steady_clock::now();
    m_aggregator.reset();
    SocketSample sample;
    const auto visit = [this](const ProcTcpEntry &entry) {
        const std::int16_t service = m_portMap.serviceOf(entry.localPort);
        if (service == PortMap::kNoService)
            m_aggregator.addOtherSocket(entry.state);
        else if (entry.state == TcpState::Listen)
            m_aggregator.addListener(service, listenerFrom(entry));
        else
            m_aggregator.addServiceSocket(service, entry.state, nullptr);
    };
    if (auto read = readTables(m_reader, m_procRoot, visit, &sample.warnings); !read)
        return Result<SocketSample>::failure(read.error());

    sample.timestampMs = QDateTime::currentMSecsSinceEpoch();
    sample.source = name();
    m_aggregator.finish(sample, /*tcpInfoAvailable=*/false);
    sample.durationUs = microsecondsSince(start);
    return Result<SocketSample>::success(std::move(sample));
}

} // namespace anycast
