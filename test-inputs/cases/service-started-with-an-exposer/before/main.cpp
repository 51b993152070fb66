#include <string>

#include "common/Ctx.h"
#include "metrics/MetricsPrometheus.h"
#include "worker/Worker.h"

int main(int argc, char** argv) {
	const std::string bind = argc > 1 ? argv[1] : "127.0.0.1:0";
	srv::Ctx ctx;
	ctx.metrics = new srv::MetricsPrometheus(bind);
	return srv::process_batch(&ctx, 3, true) ? 0 : 1;
}
