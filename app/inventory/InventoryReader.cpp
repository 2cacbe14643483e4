#include "app/inventory/InventoryReader.h"

#include "common/config/ConfigReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace anycast {
namespace {

const QStringList kTopLevelKeys = {QStringLiteral("ssh_config"), QStringLiteral("node")};
const QStringList kNodeKeys = {QStringLiteral("ssh"), QStringLiteral("socket"),
                               QStringLiteral("local")};
// Keys a person may expect from other tools; the answer explains where the value comes from.
const QStringList kFromHello = {QStringLiteral("name"), QStringLiteral("node"),
                                QStringLiteral("region"), QStringLiteral("location")};

// sun_path holds 108 bytes with the terminating NUL.
constexpr qsizetype kMaxSocketPathBytes = 107;

QString socketPathProblem(const QString &key, const QString &path)
{
    if (!path.startsWith(QLatin1Char('/')))
        return QStringLiteral("%1 must be an absolute path").arg(key);
    if (path.toUtf8().size() > kMaxSocketPathBytes) {
        return QStringLiteral("%1 is longer than %2 bytes, too long for a Unix socket")
            .arg(key)
            .arg(kMaxSocketPathBytes);
    }
    for (const QChar c : path) {
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("%1 must not contain control characters").arg(key);
    }
    return {};
}

QString expandPath(const QString &path, const QString &inventoryPath)
{
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        return QDir::cleanPath(QDir::homePath() + path.mid(1));
    if (QDir::isAbsolutePath(path))
        return QDir::cleanPath(path);
    return QDir::cleanPath(QFileInfo(inventoryPath).absoluteDir().filePath(path));
}

class NodeReader
{
public:
    NodeReader(ConfigReader &reader, const Inventory &inventory)
        : m_reader(reader)
        , m_inventory(inventory)
    {}

    std::optional<InventoryNode> read(const toml::table &table)
    {
        for (auto &&[key, value] : table) {
            const QString name =
                QString::fromUtf8(key.str().data(), static_cast<qsizetype>(key.str().size()));
            if (kFromHello.contains(name)) {
                m_reader.fail(value, QStringLiteral("%1: unknown key; a node's name, region and "
                                                    "location come from its agent")
                                         .arg(name));
            }
        }
        QStringList known = kNodeKeys;
        known += kFromHello; // reported above, with the reason
        m_reader.rejectUnknownKeys(table, known);

        const auto ssh = m_reader.string(table, "ssh");
        const auto local = m_reader.string(table, "local");
        const auto socket = m_reader.string(table, "socket");
        if (table.contains("ssh") && table.contains("local")) {
            m_reader.fail(*table.get("local"),
                          QStringLiteral("a node has either ssh or local, not both"));
            return std::nullopt;
        }
        if (!table.contains("ssh") && !table.contains("local")) {
            m_reader.fail(table, QStringLiteral("a node needs ssh = \"user@host[:port]\" (or a "
                                                "Host alias) or local = \"/path/api.sock\""));
            return std::nullopt;
        }
        InventoryNode node;
        node.line = static_cast<int>(table.source().begin.line);
        if (table.contains("local")) {
            if (table.contains("socket")) {
                m_reader.fail(*table.get("socket"),
                              QStringLiteral("socket goes with ssh; a local node names its "
                                             "socket in local"));
            }
            if (!local)
                return std::nullopt;
            if (const QString problem = socketPathProblem(QStringLiteral("local"), *local);
                !problem.isEmpty()) {
                m_reader.fail(*table.get("local"), problem);
                return std::nullopt;
            }
            node.kind = InventoryNode::Kind::Local;
            node.socket = QDir::cleanPath(*local);
            return node;
        }
        if (!ssh)
            return std::nullopt;
        const auto destination = SshDestination::parse(*ssh);
        if (!destination) {
            m_reader.fail(*table.get("ssh"), destination.error());
            return std::nullopt;
        }
        node.kind = InventoryNode::Kind::Ssh;
        node.ssh = destination.value();
        node.sshConfig = m_inventory.sshConfig;
        node.socket = QString::fromLatin1(kDefaultAgentSocket);
        if (table.contains("socket")) {
            if (!socket)
                return std::nullopt;
            if (const QString problem = socketPathProblem(QStringLiteral("socket"), *socket);
                !problem.isEmpty()) {
                m_reader.fail(*table.get("socket"), problem);
                return std::nullopt;
            }
            node.socket = QDir::cleanPath(*socket);
        }
        return node;
    }

private:
    ConfigReader &m_reader;
    const Inventory &m_inventory;
};

} // namespace

Result<Inventory> parseInventory(const QString &text, const QString &path)
{
    ConfigReader reader(path);
    const auto root = reader.parse(text);
    if (!root)
        return Result<Inventory>::failure(reader.errors().join(QLatin1Char('\n')));

    Inventory inventory;
    inventory.path = path;
    reader.rejectUnknownKeys(*root, kTopLevelKeys);
    if (const auto sshConfig = reader.string(*root, "ssh_config")) {
        const QString expanded = expandPath(*sshConfig, path);
        if (sshConfig->isEmpty())
            reader.fail(*root->get("ssh_config"), QStringLiteral("ssh_config is empty"));
        else if (!QFileInfo(expanded).isFile())
            reader.fail(*root->get("ssh_config"),
                        QStringLiteral("ssh_config: no such file: %1").arg(expanded));
        else
            inventory.sshConfig = expanded;
    }

    NodeReader nodes(reader, inventory);
    QHash<QString, int> seen; // endpoint -> line of its first node
    for (const toml::table *table : reader.tableArray(*root, "node")) {
        const auto node = nodes.read(*table);
        if (!node)
            continue;
        const QString endpoint = node->endpoint();
        if (const auto first = seen.constFind(endpoint); first != seen.constEnd()) {
            reader.fail(*table, QStringLiteral("%1 is listed twice (first at line %2)")
                                    .arg(node->displayName())
                                    .arg(*first));
            continue;
        }
        seen.insert(endpoint, node->line);
        inventory.nodes.append(*node);
    }
    if (reader.errors().isEmpty() && inventory.nodes.isEmpty()) {
        reader.failAtStart(
            QStringLiteral("the inventory lists no nodes; add [[node]] tables "
                           "with ssh = \"user@host\" or local = \"/path/api.sock\""));
    }
    if (!reader.errors().isEmpty())
        return Result<Inventory>::failure(reader.errors().join(QLatin1Char('\n')));
    return Result<Inventory>::success(std::move(inventory));
}

Result<Inventory> loadInventory(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<Inventory>::failure(
            QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    }
    constexpr qint64 kMaxInventoryBytes = 1024 * 1024;
    const QByteArray bytes = file.read(kMaxInventoryBytes + 1);
    if (bytes.size() > kMaxInventoryBytes) {
        return Result<Inventory>::failure(
            QStringLiteral("%1: larger than 1 MiB; not an inventory").arg(path));
    }
    return parseInventory(QString::fromUtf8(bytes), path);
}

} // namespace anycast
