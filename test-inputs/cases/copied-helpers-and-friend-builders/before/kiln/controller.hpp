#pragma once

#include "stats/board.hpp"

#include <functional>
#include <memory>
#include <string>

namespace kiln {

class controller;

// Builds a controller wired to the board; the only way to get one.
std::unique_ptr<controller> build_controller(const std::string& name,
                                             const std::shared_ptr<stats::board>& board);

class controller {
public:
    void fire();
    const std::string& name() const { return name_; }

private:
    friend std::unique_ptr<controller> build_controller(const std::string&,
                                                        const std::shared_ptr<stats::board>&);
    controller() = default;

    std::string name_;
    std::function<void()> on_fire_;
};

} // namespace kiln
