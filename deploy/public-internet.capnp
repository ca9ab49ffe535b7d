# Outbound network for storycard under a self-hosted workerd: public addresses only, so a story image, logo, feed or
# redirect whose host NAME resolves to loopback, a private network, link-local or this machine is never reached.
#
# workerd resolves the name itself and keeps only the addresses these rules permit, then connects to those (if none
# is left, it behaves as if the name did not exist): the check and the connection use the same answer.
#
# Use it as the Worker's globalOutbound in your own workerd config (see docs/SELF-HOSTING.md):
#
#   using Net = import "public-internet.capnp";
#   const config :Workerd.Config = (
#     services = [ (name = "storycard", worker = .storycardWorker), Net.internet ],
#     ...
#   );
#   const storycardWorker :Workerd.Worker = ( ..., globalOutbound = "internet" );
#
# `deny` also needs this machine's own public addresses (a name pointing at them reaches services bound to them):
# add yours, e.g. "203.0.113.7/32". FETCH_ALLOW_HOSTS cannot exempt a host here: workerd filters by address.
@0xc3b1d7a9e5f20411;

using Workerd = import "/workerd/workerd.capnp";

const internet :Workerd.Service = (
  name = "internet",
  network = (
    # "public" is the opposite of "private", which covers "local" (127.0.0.0/8, ::1, unix sockets), RFC 1918,
    # link-local (169.254.0.0/16, fe80::/10), unique local (fc00::/7) and the other ranges reserved for private use.
    allow = ["public"],
    # Also denied: carrier-grade NAT, "this network", the documentation and benchmarking ranges, and 240/4 (reserved).
    deny = [
      "private", "local", "unix", "unix-abstract", "100.64.0.0/10", "0.0.0.0/8", "192.0.0.0/24", "192.0.2.0/24",
      "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4",
    ],
    tlsOptions = (trustBrowserCas = true),
  ),
);
