#pragma once

#include "agent/api/ApiMethods.h"
#include "agent/config/AgentConfig.h"
#include "agent/runtime/EventLog.h"
#include "agent/runtime/OperatorControl.h"
#include "agent/runtime/SampleHistory.h"
#include "common/protocol/AgentStatus.h"
#include "common/protocol/MutationRequest.h"

#include <functional>

namespace anycast {

// The agent's API methods (docs/API.md): reads come from the runtime's status, history and
// event log; drains go through OperatorControl, and `changed` tells the runtime to apply
// them at once.
class AgentApi final : public ApiMethods
{
public:
    struct Sources
    {
        const AgentConfig *config = nullptr;
        std::function<AgentStatus()> status;
        const SampleHistory *history = nullptr;
        const EventLog *events = nullptr;
        OperatorControl *control = nullptr;
        // After an accepted drain or undrain: apply it, log it, notify subscribers.
        std::function<void(const QString &action, const OperatorRequest &request,
                           const Caller &caller, const QJsonObject &result)>
            changed;
    };

    explicit AgentApi(Sources sources);

    Reply call(const QString &method, const QJsonObject &params, const Caller &caller) final;
    void setConfig(const AgentConfig *config) { m_sources.config = config; }

private:
    Reply hello(const QJsonObject &params, const Caller &caller) const;
    Reply status(const QJsonObject &params) const;
    Reply history(const QJsonObject &params) const;
    Reply events(const QJsonObject &params) const;
    Reply drain(const QJsonObject &params, const Caller &caller);
    Reply undrain(const QJsonObject &params, const Caller &caller);

    Sources m_sources;
};

} // namespace anycast
