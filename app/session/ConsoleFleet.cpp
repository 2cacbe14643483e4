#include "ConsoleFleet.h"

#include "LocalAgentLink.h"
#include "NodeSession.h"

namespace anycast {

struct ConsoleFleet::Member
{
    std::unique_ptr<NodeSession> session;
    std::unique_ptr<LocalAgentLink> link;
};

ConsoleFleet::ConsoleFleet(QObject *parent)
    : QObject(parent)
{}

ConsoleFleet::~ConsoleFleet()
{
    for (const auto &member : std::as_const(m_members))
        member->link->stop();
}

void ConsoleFleet::addLocalAgent(const QString &socketPath)
{
    const QString endpoint = QStringLiteral("local:") + socketPath;
    remove(endpoint);
    auto member = std::make_shared<Member>();
    member->session = std::make_unique<NodeSession>(endpoint);
    member->session->setBackfillQueue(&m_backfills);
    member->link = std::make_unique<LocalAgentLink>(socketPath, member->session.get());
    m_feed.add(member->session.get());
    member->link->start();
    m_members.insert(endpoint, member);
}

void ConsoleFleet::remove(const QString &endpoint)
{
    const auto member = m_members.take(endpoint);
    if (!member)
        return;
    member->link->stop();
    m_feed.remove(endpoint);
}

} // namespace anycast
