#ifndef PLANT_IO_READER_HPP
#define PLANT_IO_READER_HPP

#include <string>

#include "telemetry/sink.hpp"

namespace plant {
namespace io {

class reader {
public:
    reader(telemetry::sink_interface& sink, std::string shard);

    std::string read(const std::string& key);
    void write(const std::string& key);

private:
    telemetry::sink_interface& sink_;
    std::string shard_;
};

} // namespace io
} // namespace plant

#endif // PLANT_IO_READER_HPP
