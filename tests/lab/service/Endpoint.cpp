#include "tests/lab/service/Endpoint.h"

#include <arpa/inet.h>
#include <cerrno>
#include <charconv>
#include <system_error>
#include <unistd.h>

namespace anycast::lab {
namespace {

[[noreturn]] void throwErrno(const char *what)
{
    throw std::system_error(errno, std::generic_category(), what);
}

} // namespace

std::uint16_t Endpoint::port() const
{
    if (family() == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
    return ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
}

void Endpoint::setPort(std::uint16_t port)
{
    if (family() == AF_INET6)
        reinterpret_cast<sockaddr_in6 *>(&address)->sin6_port = htons(port);
    else
        reinterpret_cast<sockaddr_in *>(&address)->sin_port = htons(port);
}

std::string Endpoint::toString() const
{
    char text[INET6_ADDRSTRLEN] = {};
    if (family() == AF_INET6) {
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_addr, text,
                  sizeof text);
        return "[" + std::string(text) + "]:" + std::to_string(port());
    }
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in *>(&address)->sin_addr, text,
              sizeof text);
    return std::string(text) + ":" + std::to_string(port());
}

std::optional<Endpoint> Endpoint::parse(std::string_view text)
{
    std::string_view host;
    std::string_view portText;
    if (text.starts_with('[')) {
        const auto close = text.find("]:");
        if (close == std::string_view::npos)
            return std::nullopt;
        host = text.substr(1, close - 1);
        portText = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string_view::npos)
            return std::nullopt;
        host = text.substr(0, colon);
        portText = text.substr(colon + 1);
    }
    unsigned port = 0;
    const auto [end, error] =
        std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (portText.empty() || error != std::errc() || end != portText.data() + portText.size() ||
        port > 65535)
        return std::nullopt;

    // inet_pton wants a terminated string; the views point into a larger one.
    const std::string hostText(host);
    Endpoint endpoint;
    auto *v4 = reinterpret_cast<sockaddr_in *>(&endpoint.address);
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(&endpoint.address);
    if (!text.starts_with('[') && inet_pton(AF_INET, hostText.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        endpoint.length = sizeof(sockaddr_in);
    } else if (inet_pton(AF_INET6, hostText.c_str(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        endpoint.length = sizeof(sockaddr_in6);
    } else {
        return std::nullopt;
    }
    endpoint.setPort(static_cast<std::uint16_t>(port));
    return endpoint;
}

FileDescriptor openTcpListener(const Endpoint &endpoint, int backlog)
{
    FileDescriptor fd(socket(endpoint.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!fd.valid())
        throwErrno("socket");
    const int on = 1;
    if (setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
        (endpoint.family() == AF_INET6 &&
         setsockopt(fd.get(), IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on) != 0))
        throwErrno("setsockopt");
    if (bind(fd.get(), reinterpret_cast<const sockaddr *>(&endpoint.address), endpoint.length) != 0)
        throwErrno("bind");
    if (listen(fd.get(), backlog) != 0)
        throwErrno("listen");
    return fd;
}

} // namespace anycast::lab
