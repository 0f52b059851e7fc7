using TorchSharp;
var t = torch.ones(2, 3).matmul(torch.ones(3, 2));
Console.WriteLine(t.sum().item<float>());
