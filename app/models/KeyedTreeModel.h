#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace anycast {

// What one cell shows and serves: display text, a tooltip, the raw value it sorts by, and
// the raw roles that belong to its column.
struct ModelCell
{
    QString display;
    QString toolTip;
    QVariant sort;
    QList<std::pair<int, QVariant>> roles;

    bool operator==(const ModelCell &) const = default;
};

// A tree of rows keyed by a string unique among siblings, updated by saying what the
// children of a row now are and what a row now shows. It works out the exact rows inserted
// and removed and the exact cells changed, and emits only that: a view keeps its selection,
// expansion and scroll position through every update, and no update is a reset.
class KeyedTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    KeyedTreeModel(QStringList headers, QObject *parent = nullptr);
    ~KeyedTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The row at this key path (e.g. {region, endpoint}), or an invalid index.
    QModelIndex indexOf(const QStringList &keys, int column = 0) const;

protected:
    struct Item;

    Item *root() const { return m_root.get(); }
    Item *child(Item *parent, const QString &key) const;
    QStringList childKeys(Item *parent) const;
    // Makes the children of `parent` exactly `keys`, which must be sorted (QString order)
    // and unique. New rows get make(key) as their cells.
    void syncChildren(Item *parent, const QStringList &keys,
                      const std::function<QList<ModelCell>(const QString &key)> &make);
    // Replaces what a row shows; emits dataChanged for the changed columns and roles only.
    void setCells(Item *item, QList<ModelCell> cells);

private:
    Item *itemAt(const QModelIndex &index) const;
    QModelIndex indexOfItem(const Item *item, int column = 0) const;
    void removeChildren(Item *parent, int first, int last);
    void insertChildren(Item *parent, int at, const QStringList &keys,
                        const std::function<QList<ModelCell>(const QString &key)> &make);

    QStringList m_headers;
    std::unique_ptr<Item> m_root;
};

struct KeyedTreeModel::Item
{
    Item *parent = nullptr;
    int row = 0;
    int depth = -1; // -1 for the root, 0 for top-level rows
    QString key;
    QList<ModelCell> cells;
    std::vector<std::unique_ptr<Item>> children;
};

} // namespace anycast
