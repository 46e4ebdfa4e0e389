// A program written against spad's public API alone (<spad/spad.hpp>): it
// costs a given schedule of a layer two independent ways, finds the optimal
// schedule for a 64 KiB scratchpad, and prints the optimum as the document
// `spad optimize --layer L --buffer 64KiB --json` prints (without "search").
// Built by CMake and run by ctest (test api_example): it exits 1 if a check
// fails.
//
//   build/release/spad_api_example LAYER.json SCHEDULE.json
#include <exception>
#include <iostream>
#include <spad/spad.hpp>

namespace {

int fail(const char* what) {
  std::cerr << "api_example: " << what << '\n';
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) return fail("usage: spad_api_example LAYER SCHEDULE");
  try {
    const spad::Layer layer = spad::load_layer(argv[1]);
    const spad::Schedule given = spad::load_schedule_arg(argv[2]);
    spad::Machine machine;  // int8 data, int32 partial sums (spad::Precision's defaults)
    machine.capacity_bytes = spad::parse_byte_size("64KiB", "--buffer");

    // The analytical model and the tile-level simulator agree to the element.
    const spad::Traffic by_model = spad::evaluate(layer, given, machine);
    const spad::Traffic by_replay = spad::simulate(layer, given, machine);
    if (!(by_model == by_replay)) return fail("model and simulator disagree");

    // The optimum moves no more bytes than any schedule that fits, and its
    // reported cost is what the model says of it.
    const spad::SearchResult result = spad::optimize(layer, machine, spad::SearchOptions{});
    if (!result.best) return fail("no schedule fits 64 KiB");
    const spad::Traffic& best = result.best->traffic;
    if (by_model.fits && best.traffic_bytes > by_model.traffic_bytes)
      return fail("the optimum moves more bytes than the given schedule");
    if (!(spad::evaluate(layer, result.best->schedule, machine) == best))
      return fail("the optimum's traffic is not the model's");
    if (best.traffic_bytes < spad::compulsory_bytes(layer, machine.precision))
      return fail("the optimum moves less than the compulsory traffic");

    // Bad input is a UserError with the CLI's message.
    try {
      (void)spad::load_layer("C=64,M=64,H=56,W=56,kernel=3,groups=5");
      return fail("an invalid layer was accepted");
    } catch (const spad::UserError&) {
    }

    std::cout << "given schedule: " << by_model.traffic_bytes << " bytes (model = simulator)\n"
              << "optimum:        " << best.traffic_bytes << " bytes\n"
              << spad::json_document_text(
                     spad::cost_result_document(layer, result.best->schedule, machine, best))
              << '\n';
    return 0;
  } catch (const spad::UserError& e) {
    std::cerr << "api_example: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "api_example: " << e.what() << '\n';
    return 3;
  }
}
