// What the build was configured with.
#ifndef CONFIG_H
#define CONFIG_H

#ifndef NO_PROMETHEUS
#define HAVE_PROMETHEUS 1
#endif

#endif
