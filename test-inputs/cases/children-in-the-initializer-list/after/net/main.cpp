#include "net/Dialer.h"

int main()
{
    net::Dialer dialer;
    bool ok = dialer.Dial(80);
    bool refused = !dialer.Dial(0);
    return ok && refused ? 0 : 1;
}
