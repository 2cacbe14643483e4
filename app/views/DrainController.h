#pragma once

#include "app/models/DrainProgress.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QWidget;

namespace anycast {

class DrainDialog;
class DrainProgressPanel;
class FleetState;
class NodeSession;

// The console's drain and undrain: two actions (enabled only where they apply), the dialog
// that confirms one, the call through the node's session, and the phases that follow, fed
// from the fleet as the node reports. One drain at a time per region from this console.
class DrainController final : public QObject
{
    Q_OBJECT

public:
    // The session that carries mutations to an endpoint; null when there is none.
    using SessionLookup = std::function<NodeSession *(const QString &endpoint)>;

    // `dialogParent` hosts the dialogs; `fleet` and the sessions outlive the controller.
    DrainController(FleetState *fleet, SessionLookup sessions, QWidget *dialogParent,
                    QObject *parent = nullptr);

    QAction *drainAction() const { return m_drain; }
    QAction *undrainAction() const { return m_undrain; }
    DrainProgressPanel *panel() const { return m_panel; }
    // What the window calls the panel's dock.
    static QString panelTitle();
    const QList<DrainProgress> &drains() const { return m_drains; }
    // Regions where a drain or undrain sent from here has not finished.
    QSet<QString> busyRegions() const;

    // Opens the dialog for the current target (non-modal to the event loop: it returns at
    // once); null when the action does not apply. The dialog deletes itself when closed.
    DrainDialog *openDialog(DrainAction action);

public slots:
    // The main window's selection: a node (service empty) or a service on it. An empty
    // endpoint (a region, a prefix, nothing) disables both actions.
    void setTarget(const QString &region, const QString &endpoint, const QString &service);

signals:
    void dialogOpened(anycast::DrainDialog *dialog);
    void progressChanged();

private:
    DrainTarget target() const;
    void updateActions();
    void send(const DrainDialog &dialog);
    void observe(const QString &endpoint);
    void finishedChanged();

    FleetState *m_fleet;
    SessionLookup m_sessions;
    QPointer<QWidget> m_dialogParent;
    QAction *m_drain;
    QAction *m_undrain;
    DrainProgressPanel *m_panel;
    QString m_endpoint;
    QString m_service;
    QList<DrainProgress> m_drains;
};

} // namespace anycast
