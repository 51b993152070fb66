// Drives every instrumented path of ingestd with fixed inputs on a manual clock and prints
// the text exposition of ingestd::metricsRegistry(), families sorted by name and samples by
// labels, so that two runs (or two versions of the code) can be compared byte for byte.
//
// With --serve it prints nothing of that: it serves the registry IngestMetrics holds on
// http://127.0.0.1:PORT/metrics, as the daemon's endpoint would, prints "port PORT" once
// listening (the system picks the port), and serves until its standard input closes.

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include <prometheus/exposer.h>
#include <prometheus/text_serializer.h>

#include <ingestd/clock.hpp>
#include <ingestd/daemon.hpp>
#include <ingestd/telemetry/registry.hpp>

namespace {

using ingestd::Clock;
using ingestd::DaemonConfig;
using ingestd::IngestDaemon;

DaemonConfig makeConfig(Clock& clock) {
    DaemonConfig config;
    config.acceptor.listener = "tcp:4317";
    config.acceptor.maxConnections = 3;
    config.acceptor.deniedPeers = {"10.9.9.9"};
    config.batcher.format = "json";
    config.batcher.maxRecords = 4;
    config.batcher.maxAgeSeconds = 2.0;
    config.retry.maxAttempts = 2;
    config.retry.initialBackoffSeconds = 0.5;
    config.routes = {{"cpu", "metrics.host"}, {"http.", "metrics.http"}, {"mem", "metrics.host"}};
    config.schemas = {{"cpu", {"usage"}, 1},
                      {"mem", {"used"}, 1},
                      {"http.requests", {"status"}, 1},
                      {"debug.trace", {}, 1}};
    config.dedupWindow = 16;
    config.tenantRatePerSecond = 1.0;
    config.tenantBurst = 5.0;
    config.sinkName = "warehouse";
    // About a millisecond per 100 bytes (in 1/1024 s steps, so sums print exactly); the first
    // two writes time out and the "doomed" tenant never gets through.
    config.transport = [&clock, calls = 0](const std::string& payload) mutable {
        clock.advance(static_cast<double>(payload.size() / 100 + 1) / 1024.0);
        if (++calls <= 2)
            return std::string("timeout");
        if (payload.find(" doomed/") != std::string::npos)
            return std::string("rejected");
        return std::string();
    };
    return config;
}

void exerciseConnections(IngestDaemon& daemon) {
    auto& acceptor = daemon.acceptor();
    const auto a = acceptor.accept("10.0.0.1:50001");
    const auto b = acceptor.accept("10.0.0.2:50002");
    acceptor.accept("10.9.9.9:50003");
    const auto c = acceptor.accept("10.0.0.3:50004");
    acceptor.accept("10.0.0.4:50005");
    acceptor.close(*b);
    acceptor.close(*c);
    (void)a;
}

void exerciseJson(IngestDaemon& daemon, Clock& clock) {
    const std::string lines =
        R"({"tenant":"acme","measurement":"cpu","ts":1000,"fields":{"usage":"0.42"}})"
        "\n"
        R"({"tenant":"acme","measurement":"mem","ts":1000,"fields":{"used":"512","swap":{"in":"0"}}})"
        "\n"
        R"({"tenant":"acme","measurement":"cpu","ts":1000,"fields":{"usage":"0.42"}})"
        "\n"
        R"({"tenant":"acme","ts":1001,"fields":{"usage":"0.1"}})"
        "\n"
        R"({"tenant":"acme","measurement":"cpu","fields":{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":"1"}}}}}}}}})"
        "\n"
        R"({"tenant":"acme","measurement":)"
        "\n";
    daemon.ingest("10.0.0.1:50001", "json", "identity", lines);
    clock.advance(0.25);

    const std::string document =
        R"([{"tenant":"globex","measurement":"http.requests","ts":2000,"fields":{"status":"200"}},)"
        R"({"tenant":"globex","measurement":"http.requests","ts":2001,"fields":{"status":"503"}},)"
        R"({"tenant":"globex","measurement":"debug.trace","ts":2002,"fields":{"span":"7"}},)"
        R"({"tenant":"globex","measurement":"disk","ts":2003,"fields":{"free":"9"}}])";
    daemon.ingest("10.0.0.1:50001", "json-array", "identity", document);
    daemon.ingest("10.0.0.1:50001", "json-array", "identity", R"({"not":"an array"})");
    clock.advance(0.25);
}

void exerciseLineProtocol(IngestDaemon& daemon, Clock& clock) {
    std::string wide = "cpu,tenant=initech ";
    for (int i = 0; i < 33; ++i)
        wide += (i == 0 ? "f" : ",f") + std::to_string(i) + "=1";
    const std::string lines = "cpu,tenant=initech,host=db1 usage=0.91,steal=0.02 3000\n"
                              "mem,tenant=initech,host=db1 used=2048 3000\n"
                              "cpu,tenant=initech,host=db2 usage=0.15 30x0\n"
                              "cpu,tenant=initech\n" +
                              wide + " 3001\n";
    daemon.ingest("10.0.0.1:50001", "line", "identity", lines);
    // Run-length encoded bodies ("~3a" -> "aaa"); the second one is cut short.
    daemon.ingest(
        "10.0.0.1:50001", "line", "rle",
        "cpu,tenant=initech,host=~2db1 usage=0.42 3002\nmem,tenant=initech,host=~3x used=1 3002");
    daemon.ingest("10.0.0.1:50001", "line", "rle", "mem,tenant=initech used=1 3003~12");
    daemon.ingest("10.0.0.1:50001", "line", "zstd", "whatever");
    clock.advance(0.25);
}

void exerciseThrottleAndRetries(IngestDaemon& daemon, Clock& clock) {
    std::string noisy;
    for (int i = 0; i < 8; ++i)
        noisy +=
            "cpu,tenant=noisy usage=0." + std::to_string(i) + " " + std::to_string(4000 + i) + "\n";
    daemon.ingest("10.0.0.1:50001", "line", "identity", noisy);
    daemon.ingest("10.0.0.1:50001", "line", "identity", "mem,tenant=doomed used=1 5000");
    daemon.tick();
    clock.advance(2.5);
    daemon.tick();
    for (int round = 0; round < 4; ++round) {
        clock.advance(1.5);
        daemon.tick();
    }
}

void exerciseSchemas(IngestDaemon& daemon) {
    daemon.schemas().registerSchema({"cpu", {"usage", "host"}, 1});
    daemon.schemas().registerSchema({"cpu", {}, 1});
    daemon.schemas().lookup("gpu");
    // Left in the batcher for the shutdown flush.
    daemon.ingest("10.0.0.1:50001", "line", "identity", "cpu,tenant=acme,host=db3 usage=0.5 6000");
}

void printSorted(prometheus::Registry& registry) {
    std::vector<prometheus::MetricFamily> families = registry.Collect();
    std::sort(families.begin(), families.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    for (auto& family : families)
        std::sort(family.metric.begin(), family.metric.end(),
                  [](const auto& a, const auto& b) { return a.label < b.label; });
    std::cout << prometheus::TextSerializer().Serialize(families);
}

int serve(IngestDaemon& daemon) {
    prometheus::Exposer exposer{"127.0.0.1:0"};
    exposer.RegisterCollectable(daemon.metrics().registry());
    const std::vector<int> ports = exposer.GetListeningPorts();
    if (ports.empty()) {
        std::cerr << "dump_metrics: the exposer is not listening\n";
        return 1;
    }
    std::cout << "port " << ports.front() << std::endl;
    for (std::string line; std::getline(std::cin, line);) {
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const bool serveMetrics = argc > 1 && std::string(argv[1]) == "--serve";
    Clock clock = Clock::manual(0.0);
    IngestDaemon daemon(makeConfig(clock), clock);

    exerciseConnections(daemon);
    exerciseJson(daemon, clock);
    exerciseLineProtocol(daemon, clock);
    exerciseThrottleAndRetries(daemon, clock);
    exerciseSchemas(daemon);
    daemon.shutdown();
    if (serveMetrics)
        return serve(daemon);

    // What a Prometheus server would have fetched; the scrape counter moves with it.
    if (daemon.metrics().scrape().empty())
        return 1;
    printSorted(ingestd::metricsRegistry());
    return 0;
}
