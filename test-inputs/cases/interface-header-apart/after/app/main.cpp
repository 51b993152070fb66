#include "relay/forwarder.h"

int main() {
    relay::forwarder out(8);
    bool pushed = out.push(5);
    bool dropped = !out.push(5);
    return pushed && dropped ? 0 : 1;
}
