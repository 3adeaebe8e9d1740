#include "monitor/OperationBackend.h"

namespace iw {

OperationBackend::~OperationBackend() = default;

} // namespace iw
