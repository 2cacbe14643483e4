#include "agent/config/HostGroupCheck.h"

#include "agent/api/PeerCredentials.h"
#include "common/config/ConfigReader.h"

namespace anycast {

QStringList missingGroupProblems(const AgentConfig &config, const GroupLookup &groupExists)
{
    struct Use
    {
        QString key;
        QString group;
        QString consequence;
    };
    QList<Use> uses = {
        {QStringLiteral("operators_group"), config.operatorsGroup,
         QStringLiteral("only root could drain and undrain")},
    };
    // api_group defaults to operators_group: the same missing group is reported once.
    if (config.apiGroup != config.operatorsGroup) {
        uses.append({QStringLiteral("api_group"), config.apiGroup,
                     QStringLiteral("api_socket would be owner-only: only root and the agent's "
                                    "own user could connect")});
    }
    if (!config.bgpGroup.isEmpty()) {
        uses.append({QStringLiteral("bgp_group"), config.bgpGroup,
                     QStringLiteral("bgp_socket would be owner-only: ExaBGP's bridge could "
                                    "connect only as root or the agent's own user")});
    }
    QStringList problems;
    for (const Use &use : uses) {
        if (groupExists(use.group))
            continue;
        const QString where = config.keyLocations.value(use.key, config.sourcePath);
        problems.append(QStringLiteral("%1: %2 %3 does not exist on this host: %4")
                            .arg(where, use.key, quotedForMessage(use.group), use.consequence));
    }
    return problems;
}

bool groupExistsOnHost(const QString &name)
{
    return groupId(name).ok();
}

} // namespace anycast
