#include "app/models/KeyedTreeModel.h"

#include "app/models/ModelRoles.h"

#include <QSet>

#include <algorithm>

namespace anycast {

KeyedTreeModel::KeyedTreeModel(QStringList headers, QObject *parent)
    : QAbstractItemModel(parent)
    , m_headers(std::move(headers))
    , m_root(std::make_unique<Item>())
{}

KeyedTreeModel::~KeyedTreeModel() = default;

KeyedTreeModel::Item *KeyedTreeModel::itemAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    auto *parent = static_cast<Item *>(index.internalPointer());
    return parent->children[static_cast<std::size_t>(index.row())].get();
}

QModelIndex KeyedTreeModel::indexOfItem(const Item *item, int column) const
{
    if (item == m_root.get() || !item)
        return {};
    return createIndex(item->row, column, item->parent);
}

QModelIndex KeyedTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= m_headers.size() || row < 0)
        return {};
    Item *parentItem = itemAt(parent);
    if (row >= static_cast<int>(parentItem->children.size()))
        return {};
    return createIndex(row, column, parentItem);
}

QModelIndex KeyedTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOfItem(static_cast<Item *>(child.internalPointer()));
}

int KeyedTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(itemAt(parent)->children.size());
}

int KeyedTreeModel::columnCount(const QModelIndex &) const
{
    return static_cast<int>(m_headers.size());
}

QVariant KeyedTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Item *item = itemAt(index);
    if (role == ModelRole::KeyRole)
        return item->key;
    if (index.column() >= item->cells.size())
        return {};
    const ModelCell &cell = item->cells[index.column()];
    switch (role) {
    case Qt::DisplayRole:
        return cell.display.isEmpty() ? QVariant() : QVariant(cell.display);
    case Qt::ToolTipRole:
        return cell.toolTip.isEmpty() ? QVariant() : QVariant(cell.toolTip);
    case ModelRole::SortRole:
        return cell.sort.isValid() ? cell.sort : QVariant(cell.display);
    default:
        break;
    }
    // Roles served by every column live in the first cell.
    const bool everyColumn = role == ModelRole::RowKindRole || role == ModelRole::EndpointRole;
    const ModelCell &owner = everyColumn ? item->cells.first() : cell;
    for (const auto &[key, value] : owner.roles) {
        if (key == role)
            return value;
    }
    return {};
}

QVariant KeyedTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= m_headers.size())
        return {};
    return m_headers[section];
}

QModelIndex KeyedTreeModel::indexOf(const QStringList &keys, int column) const
{
    Item *item = m_root.get();
    for (const QString &key : keys) {
        item = child(item, key);
        if (!item)
            return {};
    }
    return indexOfItem(item, column);
}

KeyedTreeModel::Item *KeyedTreeModel::child(Item *parent, const QString &key) const
{
    const auto it =
        std::lower_bound(parent->children.begin(), parent->children.end(), key,
                         [](const auto &item, const QString &k) { return item->key < k; });
    if (it == parent->children.end() || (*it)->key != key)
        return nullptr;
    return it->get();
}

QStringList KeyedTreeModel::childKeys(Item *parent) const
{
    QStringList keys;
    keys.reserve(static_cast<qsizetype>(parent->children.size()));
    for (const auto &item : parent->children)
        keys.append(item->key);
    return keys;
}

void KeyedTreeModel::syncChildren(Item *parent, const QStringList &keys,
                                  const std::function<QList<ModelCell>(const QString &key)> &make)
{
    const QSet<QString> wanted(keys.begin(), keys.end());
    // Removals, last run first so that earlier rows keep their numbers meanwhile.
    int last = static_cast<int>(parent->children.size()) - 1;
    while (last >= 0) {
        if (wanted.contains(parent->children[static_cast<std::size_t>(last)]->key)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 &&
               !wanted.contains(parent->children[static_cast<std::size_t>(first - 1)]->key))
            --first;
        removeChildren(parent, first, last);
        last = first - 1;
    }
    // Insertions: both lists are sorted, so a merge finds where each run of new keys goes.
    int position = 0;
    qsizetype next = 0;
    while (next < keys.size()) {
        if (position < static_cast<int>(parent->children.size()) &&
            parent->children[static_cast<std::size_t>(position)]->key == keys[next]) {
            ++position;
            ++next;
            continue;
        }
        const QString stop = position < static_cast<int>(parent->children.size())
                                 ? parent->children[static_cast<std::size_t>(position)]->key
                                 : QString();
        const bool toEnd = position >= static_cast<int>(parent->children.size());
        QStringList run;
        while (next < keys.size() && (toEnd || keys[next] != stop))
            run.append(keys[next++]);
        insertChildren(parent, position, run, make);
        position += static_cast<int>(run.size());
    }
}

void KeyedTreeModel::removeChildren(Item *parent, int first, int last)
{
    beginRemoveRows(indexOfItem(parent), first, last);
    parent->children.erase(parent->children.begin() + first, parent->children.begin() + last + 1);
    for (std::size_t i = static_cast<std::size_t>(first); i < parent->children.size(); ++i)
        parent->children[i]->row = static_cast<int>(i);
    endRemoveRows();
}

void KeyedTreeModel::insertChildren(Item *parent, int at, const QStringList &keys,
                                    const std::function<QList<ModelCell>(const QString &key)> &make)
{
    if (keys.isEmpty())
        return;
    std::vector<std::unique_ptr<Item>> items;
    items.reserve(static_cast<std::size_t>(keys.size()));
    for (const QString &key : keys) {
        auto item = std::make_unique<Item>();
        item->parent = parent;
        item->depth = parent->depth + 1;
        item->key = key;
        item->cells = make(key);
        items.push_back(std::move(item));
    }
    beginInsertRows(indexOfItem(parent), at, at + static_cast<int>(keys.size()) - 1);
    parent->children.insert(parent->children.begin() + at, std::make_move_iterator(items.begin()),
                            std::make_move_iterator(items.end()));
    for (std::size_t i = static_cast<std::size_t>(at); i < parent->children.size(); ++i)
        parent->children[i]->row = static_cast<int>(i);
    endInsertRows();
}

void KeyedTreeModel::setCells(Item *item, QList<ModelCell> cells)
{
    cells.resize(m_headers.size());
    int first = -1;
    int last = -1;
    QSet<int> roles;
    for (int column = 0; column < cells.size(); ++column) {
        const ModelCell &before = column < item->cells.size() ? item->cells[column] : ModelCell{};
        const ModelCell &after = cells[column];
        if (before == after)
            continue;
        if (first < 0)
            first = column;
        last = column;
        if (before.display != after.display)
            roles.insert(Qt::DisplayRole);
        if (before.toolTip != after.toolTip)
            roles.insert(Qt::ToolTipRole);
        if (before.sort != after.sort || before.display != after.display)
            roles.insert(ModelRole::SortRole);
        for (const auto &[role, value] : after.roles)
            roles.insert(role);
        for (const auto &[role, value] : before.roles)
            roles.insert(role);
    }
    item->cells = std::move(cells);
    if (first < 0)
        return;
    emit dataChanged(indexOfItem(item, first), indexOfItem(item, last),
                     QList<int>(roles.begin(), roles.end()));
}

} // namespace anycast
