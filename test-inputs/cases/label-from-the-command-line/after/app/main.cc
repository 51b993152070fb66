#include "stats/Stats.hh"
#include "worker/Worker.hh"

#include <prometheus/registry.h>

int main(int argc, char** argv) {
    prometheus::Registry registry;
    stats::Stats stats(registry, argc > 1 ? argv[1] : "local");
    worker::Worker worker(stats);
    bool first = worker.run(true);
    bool second = worker.run(false);
    return first && !second ? 0 : 1;
}
