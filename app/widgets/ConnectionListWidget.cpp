#include "ConnectionListWidget.h"

namespace anycast {

ConnectionListWidget::ConnectionListWidget(QWidget *parent)
    : QLabel(parent)
{
    setAlignment(Qt::AlignTop | Qt::AlignLeft);
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMargin(12);
    // "reconnecting in N s" counts down.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionListWidget::refresh);
    m_tick.start();
}

void ConnectionListWidget::addNode(const InventoryNode &node, AgentTransport *transport)
{
    m_nodes[node.endpoint()] = {node.displayName(), transport};
    connect(transport, &AgentTransport::stateChanged, this, &ConnectionListWidget::refresh);
    refresh();
}

void ConnectionListWidget::removeNode(const InventoryNode &node)
{
    m_nodes.erase(node.endpoint());
    refresh();
}

void ConnectionListWidget::refresh()
{
    const auto now = std::chrono::steady_clock::now();
    QString html = tr("<h3>Nodes</h3>");
    for (const auto &[endpoint, entry] : m_nodes) {
        const ConnectionState &state = entry.second->state();
        const bool bad = state.phase == ConnectionPhase::HostKeyRefused ||
                         state.phase == ConnectionPhase::PermissionDenied;
        html += QStringLiteral("<p><b>%1</b>: <span style=\"color:%2\">%3</span></p>")
                    .arg(entry.first.toHtmlEscaped(),
                         bad ? QStringLiteral("#D55E00") : QStringLiteral("palette(text)"),
                         state.summary(now).toHtmlEscaped());
    }
    setText(html);
}

} // namespace anycast
