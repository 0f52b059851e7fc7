using Arena.Engine;
using Arena.Engine.Checkpoints;
using Arena.Engine.Lora;
using static TorchSharp.torch;

namespace Arena.Cli.Commands;

/// <summary>arena logits --model DIR [--adapter DIR[:strength]]... --input IN.safetensors --output OUT.safetensors</summary>
public static class LogitsCommand
{
    public static int Run(CliArgs a)
    {
        var modelDir = a.Required("model");
        var input = a.Required("input");
        var output = a.Required("output");
        var adapters = AdapterOptions.ParseAll(a.All("adapter"));
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();

        using var model = ModelLoader.Load(modelDir, dev.DType, dev.Device);
        var loaded = ModelStack.AttachAll(model, adapters, dev.DType, dev.Device);
        try
        {
            using var file = new SafeTensorsFile(input);
            if (!file.Tensors.TryGetValue("input_ids", out var info) || info.Shape.Length != 2)
                throw new CheckpointException(input, "needs an int 'input_ids' tensor of shape [B, T]");
            using var ids = file.Read("input_ids", ScalarType.Int64, dev.Device);
            if (ids.NumberOfElements > 0 && (ids.min().item<long>() < 0 || ids.max().item<long>() >= model.Config.VocabSize))
                throw new CheckpointException(input, $"input_ids outside the vocabulary 0..{model.Config.VocabSize - 1}");
            if (ids.shape[1] > model.Config.MaxPositionEmbeddings)
                throw new CheckpointException(input, $"sequence length {ids.shape[1]} exceeds the model's context {model.Config.MaxPositionEmbeddings}");
            using var mask = file.Tensors.ContainsKey("attention_mask") ? file.Read("attention_mask", ScalarType.Int64, dev.Device) : null;
            if (mask is not null && !mask.shape.SequenceEqual(ids.shape))
                throw new CheckpointException(input, "attention_mask must have the shape of input_ids");
            using var noGrad = no_grad();
            using var logits = model.Forward(ids, mask).to_type(ScalarType.Float32).cpu();
            var dir = Path.GetDirectoryName(Path.GetFullPath(output));
            if (dir is not null) Directory.CreateDirectory(dir);
            SafeTensorsWriter.Write(output, [("logits", logits)]);
            Console.Error.WriteLine($"wrote logits [{string.Join(",", logits.shape)}] to {output}");
        }
        finally
        {
            foreach (var l in loaded) l.Dispose();
        }
        return 0;
    }
}
