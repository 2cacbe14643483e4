#pragma once

#include <QNetworkRequest>

namespace anycast {

// A GET that sees only the server's own, fresh answer: redirects are not followed, nothing
// comes from a cache, no cookies are sent or kept, and HTTP/2 is off, so each request is
// its own HTTP/1.1 exchange (a multiplexed connection would keep passing after the server
// stopped accepting new ones). Shared by the http probe and the fleet poller.
QNetworkRequest plainHttpRequest(const QUrl &url, const QString &userAgent);

} // namespace anycast
