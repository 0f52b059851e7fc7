# The web app (Blazor Server + API + hubs). In the distributed setup it runs without the in-process worker.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Arena.Web -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY models /app/models
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Arena__ModelsPath=/app/models \
    Arena__ArtifactsPath=/data/artifacts
EXPOSE 8080
ENTRYPOINT ["dotnet", "Arena.Web.dll"]
