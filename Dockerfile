# cvpress in a container: Debian 12, built in one stage, run as a non-root
# user in a slim second stage with only the runtime libraries and fonts.
#   docker build -t cvpress .
#   docker run --rm -v "$PWD:/work" cvpress render cv.yaml -o cv.pdf
# docs/deploy (Kubernetes indexed job, Slurm array) uses this image.

FROM debian:12 AS build
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends \
      build-essential cmake pkg-config python3 dpkg-dev file \
      libhpdf-dev libyaml-cpp-dev libicu-dev libboost-program-options-dev \
      libharfbuzz-dev libfontconfig-dev libmd4c-dev zlib1g-dev libpng-dev libjpeg62-turbo-dev \
      nlohmann-json3-dev libbtparse-dev libhyphen-dev libcpp-httplib-dev libpoppler-cpp-dev \
      libphonenumber-dev \
      icc-profiles-free \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
      -DCVPRESS_BUILD_TESTS=OFF -DCVPRESS_BUILD_PYTHON=OFF \
    && cmake --build build -j"$(nproc)" \
    && (cd build && cpack -G DEB -B /pkg)

FROM debian:12-slim
ENV DEBIAN_FRONTEND=noninteractive
COPY --from=build /pkg/cvpress_*.deb /tmp/
# apt resolves the package's Depends (libraries and fonts) from Debian.
RUN apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends /tmp/cvpress_*.deb \
    && rm -rf /var/lib/apt/lists/* /tmp/cvpress_*.deb \
    && useradd --create-home --uid 10001 cvpress
USER cvpress
WORKDIR /work
ENTRYPOINT ["cvpress"]
CMD ["--help"]
