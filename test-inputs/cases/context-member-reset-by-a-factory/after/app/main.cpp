#include "core/Context.h"
#include "feed/Poller.h"

int main()
{
  feed::Context context;
  feed::Start(context);
  bool ok = feed::Poll(context, "https://example.org/feed");
  feed::Restart(context);
  ok = ok && !feed::Poll(context, "");
  feed::Shutdown(context);
  return ok && context.mName.empty() ? 0 : 1;
}
