using Arena.Worker.Cancellation;
using Arena.Worker.Hosting;

namespace Arena.Worker.Bakes;

public sealed class CancelBakeConsumerDefinition(WorkerInstance instance) : InstanceEndpointDefinition<CancelBakeConsumer>(instance);
