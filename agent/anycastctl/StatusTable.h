#pragma once

#include "common/protocol/AgentStatus.h"

#include <QString>

namespace anycast {

// The agent's status as an operator reads it: one header line for the node, a table
// with a row per service and an indented row per prefix (state and reason), then the drains
// in force. Free text (reasons) is cut to the width; --json prints the whole result instead.
class StatusTable
{
public:
    StatusTable(AgentStatus status, int width);

    QString render() const;

private:
    QString headerLine() const;
    QString servicesTable() const;
    QString drainsTable() const;

    AgentStatus m_status;
    int m_width;
};

} // namespace anycast
