#include "relay/forwarder.h"
#include "telemetry/prom_sink.h"

int main() {
    relay::prom_sink sink;
    relay::forwarder out(sink, 8);
    bool pushed = out.push(5);
    bool dropped = !out.push(5);
    return pushed && dropped ? 0 : 1;
}
