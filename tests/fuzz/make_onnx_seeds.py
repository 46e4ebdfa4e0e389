#!/usr/bin/env python3
# Writes the ONNX seeds of tests/fuzz/corpus/fuzz_onnx (protobuf encoded by hand,
# so no ONNX Python package is needed): python3 tests/fuzz/make_onnx_seeds.py DIR
import struct, sys
def varint(n):
    out=b''
    while True:
        b=n&0x7f; n>>=7
        if n: out+=bytes([b|0x80])
        else: return out+bytes([b])
def key(f,w): return varint((f<<3)|w)
def vi(f,n): return key(f,0)+varint(n)
def ld(f,b):
    if isinstance(b,str): b=b.encode()
    return key(f,2)+varint(len(b))+b
def tensor_type(elem, dims):
    shape=b''.join(ld(1, vi(1,d)) for d in dims)
    return ld(1, vi(1,elem)+ld(2,shape))
def value_info(name, elem, dims): return ld(1,name)+ld(2,tensor_type(elem,dims))
def initializer(name, dims):
    n=1
    for d in dims: n*=d
    return b''.join(vi(1,d) for d in dims)+vi(2,1)+ld(8,name)+ld(9,b'\0'*4*n)
def attr_ints(name, vals): return ld(1,name)+vi(20,7)+b''.join(vi(8,v) for v in vals)
def node(inputs, outputs, name, op, attrs=b''):
    return b''.join(ld(1,i) for i in inputs)+b''.join(ld(2,o) for o in outputs)+ld(3,name)+ld(4,op)+attrs
def model(graph): return vi(1,8)+ld(7,graph)+ld(8, ld(1,'')+vi(2,13))
conv = node(['x','w'],['y'],'conv1','Conv', ld(5,attr_ints('pads',[1,1,1,1]))+ld(5,attr_ints('strides',[1,1])))
g = ld(1,conv)+ld(2,'g')+ld(5,initializer('w',[4,3,3,3]))+ld(11,value_info('x',1,[1,3,8,8]))+ld(12,value_info('y',1,[1,4,8,8]))
open(sys.argv[1]+'/conv.onnx','wb').write(model(g))
gemm = node(['x','w'],['y'],'fc','Gemm', ld(5, ld(1,'transB')+vi(20,2)+vi(3,1)))
g2 = ld(1,gemm)+ld(2,'g')+ld(5,initializer('w',[10,16]))+ld(11,value_info('x',1,[1,16]))+ld(12,value_info('y',1,[1,10]))
open(sys.argv[1]+'/gemm.onnx','wb').write(model(g2))
