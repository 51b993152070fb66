#include "GatewayMetrics.h"
#include "GatewayRegistry.h"

GatewayMetrics::GatewayMetrics() : registry_(gateway_registry_ptr()) {}
