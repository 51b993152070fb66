#include "kiln/controller.hpp"
#include "stats/board.hpp"

#include <prometheus/text_serializer.h>

#include <iostream>
#include <string>

int main() {
    auto board = std::make_shared<kiln::stats::board>();
    auto c = kiln::build_controller("north", board);
    c->fire();
    board->tick();
    prometheus::TextSerializer text;
    const std::string exposed = text.Serialize(board->registry()->Collect());
    std::cout << exposed;
    for (const char* line : {"kiln_phase{phase=\"cooling\"} 1\n", "kiln_phase{phase=\"heating\"} 0\n",
                             "kiln_phase{phase=\"holding\"} 0\n", "kiln_ramp_latency_ms_count 1\n",
                             "kiln_ramp_latency_ms_bucket{le=\"10000\"} 1\n"}) {
        if (exposed.find(line) == std::string::npos) {
            std::cerr << "missing: " << line;
            return 1;
        }
    }
    return 0;
}
