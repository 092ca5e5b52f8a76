#include "routes.h"

#include <QJsonDocument>

namespace Lectern::Server {

void addEventRoutes(Router &router)
{
    // The live event channel is a WebSocket (EventHub): handshakes never reach this handler
    // (ApiServer hands them to Qt's WebSocket server). Anything else is told to upgrade.
    router.add("GET", QStringLiteral("/api/v1/ws"), Access::Public, Run::Inline, [](ApiRequest &) {
        const QJsonObject envelope {
            {QStringLiteral("ok"), false},
            {QStringLiteral("error"),
             QJsonObject {
                 {QStringLiteral("code"), QStringLiteral("upgrade_required")},
                 {QStringLiteral("message"),
                  QStringLiteral("This address speaks WebSocket only: send the "
                                 "handshake (Connection: Upgrade, Upgrade: websocket).")}}}};
        ApiResponse response = ApiResponse::raw(
            426, "application/json", QJsonDocument(envelope).toJson(QJsonDocument::Compact));
        response.withHeader("Upgrade", "websocket");
        return response;
    });
}

} // namespace Lectern::Server
