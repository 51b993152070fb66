// What the build was configured with (written by the build system).
#ifndef SHOP_APP_CONFIG_H_
#define SHOP_APP_CONFIG_H_

#define SHOP_WITH_METRICS 1
#define SHOP_TRACE 1

#endif  // SHOP_APP_CONFIG_H_
