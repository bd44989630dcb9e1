Δt = 0.5
x = x + v * Δt
