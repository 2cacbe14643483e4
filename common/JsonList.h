#pragma once

#include "common/JsonReader.h"

#include <QList>

namespace anycast {

// Lists of the shared value types: each Item has toJson() and a static fromJson(JsonReader&).
template <typename Item> QJsonArray listToJson(const QList<Item> &items)
{
    QJsonArray json;
    for (const Item &item : items)
        json.append(item.toJson());
    return json;
}

template <typename Item> QList<Item> listFromJson(JsonReader &reader, const QString &key)
{
    const QJsonArray array = reader.array(key);
    QList<Item> items;
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size() && reader.ok(); ++i) {
        JsonReader element = reader.element(array, i, key);
        items.append(Item::fromJson(element));
    }
    return items;
}

} // namespace anycast
