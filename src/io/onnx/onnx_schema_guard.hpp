// A schema registry for ONNX shape inference that guards the inference of the
// convolution and pooling operators. ONNX 1.12's shared conv/pool inference
// divides by the stride (a zero stride kills the process with SIGFPE), indexes
// past the end of its arrays when the weight's rank differs from the input's,
// and counts down a SAME-padded axis one stride at a time. The guard checks
// these inputs first and turns a bad one into an ordinary ONNX inference
// error (the node's outputs stay unknown; the importer then reports the node).
#pragma once

#include <onnx/defs/schema.h>

#include <map>
#include <memory>
#include <string>
#include <tuple>

namespace spad {

class OnnxGuardedSchemas final : public onnx::ISchemaRegistry {
 public:
  // Every schema comes from `base`; guarded ones are copies with a checking
  // inference function, made on first use and kept for the registry's life.
  explicit OnnxGuardedSchemas(const onnx::ISchemaRegistry* base) : base_(base) {}

  const onnx::OpSchema* GetSchema(const std::string& key, const int maxInclusiveVersion,
                                  const std::string& domain) const override;

 private:
  const onnx::ISchemaRegistry* base_;
  mutable std::map<const onnx::OpSchema*, std::unique_ptr<onnx::OpSchema>> guarded_;
};

}  // namespace spad
