# The GPU worker: MassTransit consumers that run the TorchSharp engine. Build with --build-arg BACKEND=cuda on a
# registry that has TorchSharp-cuda-linux (the default cpu image runs anywhere).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG BACKEND=cpu
WORKDIR /src
COPY . .
RUN dotnet publish src/Arena.Worker -c Release -o /app --no-self-contained -p:ArenaTorchBackend=$BACKEND

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .
COPY models /app/models
ENV Arena__Bus=RabbitMq \
    Arena__Worker__ModelsPath=/app/models \
    Arena__Worker__ArtifactsPath=/data/artifacts
ENTRYPOINT ["dotnet", "Arena.Worker.dll"]
