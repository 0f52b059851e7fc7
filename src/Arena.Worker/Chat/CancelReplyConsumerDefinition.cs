using Arena.Worker.Cancellation;
using Arena.Worker.Hosting;

namespace Arena.Worker.Chat;

public sealed class CancelReplyConsumerDefinition(WorkerInstance instance) : InstanceEndpointDefinition<CancelReplyConsumer>(instance);
