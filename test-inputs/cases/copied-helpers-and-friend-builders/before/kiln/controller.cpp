#include "kiln/controller.hpp"

namespace kiln {

std::unique_ptr<controller> build_controller(const std::string& name,
                                             const std::shared_ptr<stats::board>& board) {
    std::unique_ptr<controller> c(new controller());
    c->name_ = name;
    c->on_fire_ = [board] {
        board->set_phase("heating");
        board->on_ramp_latency(1200.0);
        board->set_phase("holding");
        board->set_phase("cooling");
    };
    return c;
}

void controller::fire() { on_fire_(); }

} // namespace kiln
