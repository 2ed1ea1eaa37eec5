#!/usr/bin/python3
"""Builds a logistic ONNX model from coefficients.json (written by build.ts):
fracture_5y = sigmoid(clinical · beta + intercept), clinical = standardised features [batch, k].
Debian: python3-onnx. Usage: /usr/bin/python3 export_onnx.py <version-dir>"""
import json, sys
import onnx
from onnx import TensorProto, helper, numpy_helper
import numpy as np

version_dir = sys.argv[1]
spec = json.load(open(f"{version_dir}/coefficients.json"))
beta = np.array(spec["coef"], dtype=np.float32).reshape(-1, 1)
intercept = np.array([spec["intercept"]], dtype=np.float32)
k = beta.shape[0]
graph = helper.make_graph(
    [
        helper.make_node("MatMul", ["clinical", "beta"], ["linear"]),
        helper.make_node("Add", ["linear", "intercept"], ["logit"]),
        helper.make_node("Sigmoid", ["logit"], ["fracture_5y"]),
    ],
    spec["family"],
    [helper.make_tensor_value_info("clinical", TensorProto.FLOAT, ["batch", k])],
    [helper.make_tensor_value_info("fracture_5y", TensorProto.FLOAT, ["batch", 1])],
    [numpy_helper.from_array(beta, name="beta"), numpy_helper.from_array(intercept, name="intercept")],
)
model = helper.make_model(graph, producer_name="fracval-models", opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 7
onnx.checker.check_model(model)
onnx.save(model, f"{version_dir}/model.onnx")
print(f"wrote {version_dir}/model.onnx (opset 13, {k} features)")
